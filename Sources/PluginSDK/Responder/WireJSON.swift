import FoundationEssentials

/// The one place request bodies are decoded and replies encoded.
///
/// Replies are deterministic: keys sorted, slashes not escaped.
enum WireJSON {
    /// Decodes a request body.
    static func decode<T: Decodable>(_ type: T.Type, from body: [UInt8]) throws -> T {
        try JSONDecoder().decode(type, from: Data(body))
    }

    /// Encodes a reply body.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// `{"error": message}` as bytes; never fails.
    static func errorBody(_ message: String) -> [UInt8] {
        (try? encode(["error": message])) ?? Array(#"{"error":"unencodable error message"}"#.utf8)
    }
}
