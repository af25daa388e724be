import PluginJSON

/// The one place request bodies are decoded and replies encoded, with this package's strict UTF-8 JSON coder
/// (no Foundation on the request path).
///
/// Decoding rejects invalid UTF-8, nesting deeper than 512, duplicate keys and numbers no type can hold.
/// Replies are deterministic: keys sorted, slashes not escaped.
enum WireJSON {
    private static let decoder = PluginJSONDecoder()
    private static let encoder = PluginJSONEncoder()

    /// Decodes a request body.
    static func decode<T: Decodable>(_ type: T.Type, from body: [UInt8]) throws -> T {
        try decoder.decode(type, from: body)
    }

    /// Decodes a request body whose type builds itself: called with the concrete type, the builder runs without the
    /// decoder's dynamic check for `JSONDirectDecodable` and without the cast of its result. What it declines goes
    /// through `Decodable`, which gives the errors.
    static func decode<T: JSONDirectDecodable>(_ type: T.Type, from body: [UInt8]) throws -> T {
        try decode(T.self, from: parse(body))
    }

    /// As `decode(_:from:)`, from a parsed body.
    static func decode<T: JSONDirectDecodable>(_ type: T.Type, from document: JSONDocument) throws -> T {
        if let value = T(directJSON: document.value) { return value }
        return try document.decode(T.self, usesDirectDecoding: false)
    }

    /// Parses a request body once, for lookups before (or instead of) decoding it.
    static func parse(_ body: [UInt8]) throws -> JSONDocument {
        try JSONDocument(parsing: body)
    }

    /// `{}`: the reply that means "not mine" or "nothing to change".
    static let emptyObject: [UInt8] = Array("{}".utf8)

    /// Encodes a reply body.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        try encoder.encode(value)
    }

    /// Encodes a reply that writes itself, with its concrete type (what it declines goes through `encode(_:)`).
    static func encode<T: JSONDirectEncodable>(_ value: T) throws -> [UInt8] {
        if let bytes = PluginJSONEncoder.directBytes(value) { return bytes }
        return try encoder.encode(value)
    }

    /// `{"error": message}` as bytes; never fails.
    static func errorBody(_ message: String) -> [UInt8] {
        (try? encode(["error": message])) ?? Array(#"{"error":"unencodable error message"}"#.utf8)
    }
}
