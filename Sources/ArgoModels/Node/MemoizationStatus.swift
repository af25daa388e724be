import PluginJSON

/// Whether a node's outputs came from the memoization cache.
public struct MemoizationStatus: Sendable, Hashable, Codable {
    /// Whether the cache had an entry.
    public var hit: Bool?
    /// The cache key used.
    public var key: String?
    /// The cache's name.
    public var cacheName: String?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        hit: Bool? = nil, key: String? = nil, cacheName: String? = nil, unknownFields: [String: JSONValue] = [:]
    ) {
        self.hit = hit
        self.key = key
        self.cacheName = cacheName
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case hit, key, cacheName
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hit = try container.decodeIfPresent(Bool.self, forKey: .hit)
        key = try container.decodeIfPresent(String.self, forKey: .key)
        cacheName = try container.decodeIfPresent(String.self, forKey: .cacheName)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(hit, forKey: .hit)
        try container.encodeIfPresent(key, forKey: .key)
        try container.encodeIfPresent(cacheName, forKey: .cacheName)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
