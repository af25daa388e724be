import PluginJSON

/// How a template's outputs are cached.
public struct Memoize: Sendable, Hashable, Codable {
    /// The cache key.
    public var key: String?
    /// How old an entry may be and still be used, e.g. `"1h"`.
    public var maxAge: String?
    /// Where the cache lives (a config map), kept as sent.
    public var cache: JSONValue?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        key: String? = nil, maxAge: String? = nil, cache: JSONValue? = nil, unknownFields: [String: JSONValue] = [:]
    ) {
        self.key = key
        self.maxAge = maxAge
        self.cache = cache
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case key, maxAge, cache
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decodeIfPresent(String.self, forKey: .key)
        maxAge = try container.decodeIfPresent(String.self, forKey: .maxAge)
        cache = try container.decodeJSONValueIfPresent(forKey: .cache)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(key, forKey: .key)
        try container.encodeIfPresent(maxAge, forKey: .maxAge)
        try container.encodeIfPresent(cache, forKey: .cache)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
