import PluginJSON

/// How long to wait between retries.
public struct Backoff: Sendable, Hashable, Codable {
    /// The first wait: seconds (`"5"`) or a Go duration (`"5s"`, `"2m"`).
    public var duration: String?
    /// What each wait is multiplied by.
    public var factor: IntOrString?
    /// The longest total time to keep retrying.
    public var maxDuration: String?
    /// The longest single wait.
    public var cap: String?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        duration: String? = nil, factor: IntOrString? = nil, maxDuration: String? = nil, cap: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.duration = duration
        self.factor = factor
        self.maxDuration = maxDuration
        self.cap = cap
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case duration, factor, maxDuration, cap
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        duration = try container.decodeIfPresent(String.self, forKey: .duration)
        factor = try container.decodeIfPresent(IntOrString.self, forKey: .factor)
        maxDuration = try container.decodeIfPresent(String.self, forKey: .maxDuration)
        cap = try container.decodeIfPresent(String.self, forKey: .cap)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(duration, forKey: .duration)
        try container.encodeIfPresent(factor, forKey: .factor)
        try container.encodeIfPresent(maxDuration, forKey: .maxDuration)
        try container.encodeIfPresent(cap, forKey: .cap)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
