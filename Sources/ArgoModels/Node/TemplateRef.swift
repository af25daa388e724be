import PluginJSON

/// A reference to a template in a `WorkflowTemplate` or `ClusterWorkflowTemplate`.
public struct TemplateRef: Sendable, Hashable, Codable {
    /// The workflow template's name.
    public var name: String?
    /// The template's name within it.
    public var template: String?
    /// Whether it is a `ClusterWorkflowTemplate`.
    public var clusterScope: Bool?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        name: String? = nil, template: String? = nil, clusterScope: Bool? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.template = template
        self.clusterScope = clusterScope
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case name, template, clusterScope
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        template = try container.decodeIfPresent(String.self, forKey: .template)
        clusterScope = try container.decodeIfPresent(Bool.self, forKey: .clusterScope)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(template, forKey: .template)
        try container.encodeIfPresent(clusterScope, forKey: .clusterScope)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
