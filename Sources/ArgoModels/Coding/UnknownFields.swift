import PluginJSON

/// Helpers every lossless model uses to keep the members it does not type.
///
/// A model decodes its typed members through its `CodingKeys`, then asks the same decoder for an
/// `AnyCodingKey` container and keeps every key that is not one of its own. Encoding does the reverse: the
/// typed members go through `CodingKeys`, the kept members through a second keyed container on the same encoder.
/// Both steps need only `decodeIfPresent`, `allKeys` and `encode`, so they work with any `Decoder`/`Encoder`
/// and never throw-and-catch on the request path.
protocol LosslessCodingKeys: CodingKey, CaseIterable {}

extension LosslessCodingKeys {
    /// The spellings of every typed member, computed from `allCases`.
    static func makeKnownKeys() -> JSONKnownKeys {
        JSONKnownKeys(allCases.map(\.stringValue))
    }
}

extension Decoder {
    /// Every member of the current object whose key is not in `known`, kept as `JSONValue`.
    func unknownFields(excluding known: JSONKnownKeys) throws -> [String: JSONValue] {
        // PluginJSON's decoders hand the members over directly, without building `allKeys` (about a third of a
        // model's decoding cost on the request path); any other decoder takes the generic route below.
        if let members = self as? any JSONMembersDecoder {
            return try members.jsonMembers(excluding: known)
        }
        let container = try self.container(keyedBy: AnyCodingKey.self)
        let keys = container.allKeys
        // Empty objects return at once; objects with only typed members (the common case) never insert, so the
        // dictionary never allocates storage.
        guard !keys.isEmpty else { return [:] }
        var fields: [String: JSONValue] = [:]
        for key in keys where !known.contains(key.stringValue) {
            fields[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        return fields
    }
}

extension Encoder {
    /// Writes the kept members beside the typed ones. A kept member never overrides a typed one.
    func encodeUnknownFields(_ fields: [String: JSONValue], excluding known: JSONKnownKeys) throws {
        guard !fields.isEmpty else { return }
        var container = self.container(keyedBy: AnyCodingKey.self)
        for (key, value) in fields where !known.contains(key) {
            try container.encode(value, forKey: AnyCodingKey(key))
        }
    }
}

extension KeyedDecodingContainer {
    /// A member kept as `JSONValue`: `nil` when absent, `.null` when present as `null`, so an explicit `null`
    /// survives a round trip (`decodeIfPresent` would turn it into `nil`).
    func decodeJSONValueIfPresent(forKey key: Key) throws -> JSONValue? {
        guard contains(key) else { return nil }
        return try decode(JSONValue.self, forKey: key)
    }
}
