import PluginJSON

/// Labels and annotations a template puts on the pod it runs in (Argo's `Metadata`).
///
/// ```swift
/// let metadata = Metadata(labels: ["step": "build"])
/// ```
public struct Metadata: Sendable, Hashable, Codable {
    /// Labels.
    public var labels: [String: String]?
    /// Annotations.
    public var annotations: [String: String]?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        labels: [String: String]? = nil, annotations: [String: String]? = nil, unknownFields: [String: JSONValue] = [:]
    ) {
        self.labels = labels
        self.annotations = annotations
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case labels, annotations
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        labels = try container.decodeIfPresent([String: String].self, forKey: .labels)
        annotations = try container.decodeIfPresent([String: String].self, forKey: .annotations)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(labels, forKey: .labels)
        try container.encodeIfPresent(annotations, forKey: .annotations)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
