import PluginJSON

/// The request of `POST /api/v1/parameters.add`: the controller is about to substitute a template's parameters.
///
/// ```swift
/// let args = try JSONDecoder().decode(ParameterPreSubstitutionArgs.self, from: body)
/// ```
public struct ParameterPreSubstitutionArgs: Sendable, Hashable, Codable {
    /// The workflow.
    public var workflow: Workflow
    /// The template whose parameters are about to be substituted.
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
