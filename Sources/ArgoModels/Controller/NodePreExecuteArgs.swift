import PluginJSON

/// The request of `POST /api/v1/node.preExecute`: a node is about to run.
///
/// ```swift
/// let args = try JSONDecoder().decode(NodePreExecuteArgs.self, from: body)
/// args.node.phase  // .pending
/// ```
public struct NodePreExecuteArgs: Sendable, Hashable, Codable {
    /// The workflow.
    public var workflow: Workflow
    /// The node's template.
    public var template: Template
    /// The node.
    public var node: NodeStatus
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; optional members default to absent.
    public init(
        workflow: Workflow, template: Template, node: NodeStatus, unknownFields: [String: JSONValue] = [:]
    ) {
        self.workflow = workflow
        self.template = template
        self.node = node
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case workflow, template, node
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        workflow = try container.decode(Workflow.self, forKey: .workflow)
        template = try container.decode(Template.self, forKey: .template)
        node = try container.decode(NodeStatus.self, forKey: .node)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(workflow, forKey: .workflow)
        try container.encode(template, forKey: .template)
        try container.encode(node, forKey: .node)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
