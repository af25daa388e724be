/// A strict, fast JSON decoder for `Decodable` types, reading UTF-8 bytes without Foundation.
///
/// It is a drop-in for `JSONDecoder` on the request path: it throws the same `DecodingError` cases, with a coding
/// path and a message that names the field, what was expected and what was found (syntax errors give the byte
/// offset). It is stricter than `JSONDecoder`: it follows RFC 8259 exactly and also refuses duplicate keys and
/// numbers that overflow a `Double`.
///
/// ```swift
/// let args = try PluginJSONDecoder().decode(ExecuteTemplateArgs.self, from: body)
/// ```
///
/// Keys are matched exactly (no key-decoding strategy); dates and data have no special handling (they decode
/// through their own `Decodable` conformances).
package struct PluginJSONDecoder: Sendable {
    /// The deepest nesting of arrays and objects accepted; deeper input fails with `DecodingError.dataCorrupted`.
    /// The default, 512, is far beyond any Argo object.
    package var maxDepth: Int

    /// Values handed to `Decodable` implementations through `Decoder.userInfo`.
    package var userInfo: [CodingUserInfoKey: any Sendable]

    /// Whether ``JSONDirectDecodable`` types build themselves (the default); tests turn it off to compare the
    /// values with the `Decodable` route.
    var usesDirectDecoding = true

    /// A decoder with the default limits.
    package init(maxDepth: Int = 512, userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.maxDepth = maxDepth
        self.userInfo = userInfo
    }

    /// Decodes a `T` from a complete JSON document.
    ///
    /// - Throws: `DecodingError` for malformed JSON, values of the wrong type, missing keys, numbers that do not
    ///   fit.
    package func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let tape = try JSONTape(parsing: bytes, maxDepth: maxDepth)
        let storage = TapeStorage(tape: tape, userInfo: userInfo)
        return try storage.decodeTopLevel(T.self, at: 0, direct: usesDirectDecoding)
    }

    /// Decodes a `T` from a complete JSON document in any byte collection (`Data`, `ArraySlice<UInt8>`, a
    /// buffer); the bytes are copied once.
    package func decode<T: Decodable, Bytes: Sequence<UInt8>>(_ type: T.Type, from bytes: Bytes) throws -> T {
        try decode(T.self, from: Array(bytes))
    }

    /// Decodes a `T` from the UTF-8 of `text`.
    package func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decode(T.self, from: Array(text.utf8))
    }
}

extension JSONValue {
    /// Parses a complete JSON document strictly (the rules of `PluginJSONDecoder`).
    ///
    /// Integers that fit in 64 bits become `.integer`, other numbers `.number`.
    /// - Throws: `DecodingError.dataCorrupted` naming the problem and its byte offset.
    package init(parsing bytes: [UInt8], maxDepth: Int = 512) throws {
        let tape = try JSONTape(parsing: bytes, maxDepth: maxDepth)
        self = try TapeStorage(tape: tape, userInfo: [:]).jsonValue(at: 0)
    }

    /// Parses the UTF-8 of `text`; see `init(parsing:maxDepth:)` for bytes.
    package init(parsing text: String, maxDepth: Int = 512) throws {
        try self.init(parsing: Array(text.utf8), maxDepth: maxDepth)
    }
}
