import PluginJSON

/// The request of `POST /api/v1/template.execute`: run this plugin template.
///
/// Argo sends it whenever a node of a plugin template needs (re)running; a plugin that does not handle the
/// template replies ``ExecuteTemplateReply/notMine``.
///
/// ```swift
/// let args = try JSONDecoder().decode(ExecuteTemplateArgs.self, from: body)
/// let channel = args.template.inputs?.value(of: "channel")
/// ```
public struct ExecuteTemplateArgs: Sendable, Hashable, Codable {
    /// The workflow the node belongs to.
    public var workflow: Workflow
    /// The plugin template to run.
    public var template: Template
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; optional members default to absent.
    public init(
        workflow: Workflow, template: Template, unknownFields: [String: JSONValue] = [:]
    ) {
        self.workflow = workflow
        self.template = template
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case workflow, template
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        workflow = try container.decode(Workflow.self, forKey: .workflow)
        template = try container.decode(Template.self, forKey: .template)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(workflow, forKey: .workflow)
        try container.encode(template, forKey: .template)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
