import PluginJSON

/// The request of `POST /api/v1/node.postExecute`: a node has changed.
///
/// Argo sends the node before (`old`) and after (`new`) the change.
///
/// ```swift
/// if args.new?.phase.map(\.isTerminal) == true { ... }
/// ```
public struct NodePostExecuteArgs: Sendable, Hashable, Codable {
    /// The workflow.
    public var workflow: Workflow?
    /// The node's template.
    public var template: Template?
    /// The node before the change.
    public var old: NodeStatus?
    /// The node after the change.
    public var `new`: NodeStatus?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        workflow: Workflow? = nil, template: Template? = nil, old: NodeStatus? = nil, `new`: NodeStatus? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.workflow = workflow
        self.template = template
        self.old = old
        self.`new` = `new`
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case workflow, template, old, `new`
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        workflow = try container.decodeIfPresent(Workflow.self, forKey: .workflow)
        template = try container.decodeIfPresent(Template.self, forKey: .template)
        old = try container.decodeIfPresent(NodeStatus.self, forKey: .old)
        `new` = try container.decodeIfPresent(NodeStatus.self, forKey: .`new`)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(workflow, forKey: .workflow)
        try container.encodeIfPresent(template, forKey: .template)
        try container.encodeIfPresent(old, forKey: .old)
        try container.encodeIfPresent(`new`, forKey: .`new`)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
