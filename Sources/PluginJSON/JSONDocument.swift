/// A parsed JSON document that can be inspected before, or instead of, decoding it.
///
/// Parsing validates the whole document (the rules of `PluginJSONDecoder`) once; lookups and decodes then work
/// on the parsed form without reading the text again. A plugin server can, for example, answer "not mine" by
/// looking for its key under `template.plugin` before decoding the rest of the template, then decode the plugin's
/// parameters from ``subdocument(at:)`` without decoding them twice.
///
/// ```swift
/// let document = try JSONDocument(parsing: body)
/// guard let config = document.subdocument(at: ["template", "plugin", "hello"]) else { return notMine }
/// let parameters = try config.decode(Parameters.self)  // errors name `greeting`, not `template.plugin.hello.greeting`
/// ```
package struct JSONDocument: Sendable {
    let tape: JSONTape
    /// The token of the value this document stands for: 0 for a whole document, deeper for a subdocument.
    let root: Int

    /// Parses a complete document.
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the problem and its byte offset.
    package init(parsing bytes: [UInt8], maxDepth: Int = 512) throws {
        tape = try JSONTape(parsing: bytes, maxDepth: maxDepth)
        root = 0
    }

    private init(tape: JSONTape, root: Int) {
        self.tape = tape
        self.root = root
    }

    /// The token of the value at `path` (object keys from this document's top), or `nil`.
    private func token(at path: [String]) -> Int? {
        var index = root
        for key in path {
            guard let member = tape.find(key, in: index) else { return nil }
            index = member
        }
        return index
    }

    /// The value this document stands for, for a ``JSONDirectDecodable`` builder called with its concrete type (no
    /// dynamic check, no cast).
    package var value: JSONTapeValue {
        JSONTapeValue(storage: TapeStorage(tape: tape, userInfo: [:], root: root), index: root)
    }

    /// Whether there is a value (possibly `null`) at `path`, a list of object keys from the top level.
    package func contains(_ path: [String]) -> Bool {
        token(at: path) != nil
    }

    /// The value at `path` as a document of its own, or `nil` when there is none. Nothing is copied or parsed
    /// again, and the coding paths of its errors start at that value.
    package func subdocument(at path: [String]) -> JSONDocument? {
        token(at: path).map { JSONDocument(tape: tape, root: $0) }
    }

    /// The keys of the object at `path` in document order, or `nil` when there is no object there.
    package func keys(at path: [String] = []) -> [String]? {
        guard let index = token(at: path), tape.tokens[index].kind == .object else { return nil }
        var keys: [String] = []
        tape.forEachMember(of: index) { key, _ in keys.append(tape.string(at: key)) }
        return keys
    }

    /// The JSON type of the value at `path` as a message names it (`an object`, `a string`, `null`...), or `nil`
    /// when there is none.
    package func typeName(at path: [String]) -> String? {
        token(at: path).map { tape.tokens[$0].typeName }
    }

    /// The value at `path` as a `JSONValue`, or `nil` when there is none.
    package func value(at path: [String] = []) throws -> JSONValue? {
        guard let index = token(at: path) else { return nil }
        return try TapeStorage(tape: tape, userInfo: [:], root: root).jsonValue(at: index)
    }

    /// Decodes a `T` from the value at `path` (the whole document by default). `usesDirectDecoding: false` skips
    /// the check for a ``JSONDirectDecodable`` type, for types that cannot be one (a plugin's own parameters).
    ///
    /// - Throws: `DecodingError.valueNotFound` when there is no value at `path`, otherwise what `PluginJSONDecoder`
    ///   throws. Coding paths in errors start at the top of this document.
    package func decode<T: Decodable>(
        _ type: T.Type, at path: [String] = [], userInfo: [CodingUserInfoKey: any Sendable] = [:],
        usesDirectDecoding: Bool = true
    ) throws -> T {
        guard let index = token(at: path) else {
            let codingPath: [any CodingKey] = path.map { AnyCodingKey($0) }
            throw DecodingError.valueNotFound(
                T.self,
                DecodingError.Context(
                    codingPath: codingPath,
                    debugDescription: "expected \(T.self) at \(CodingPathText.describe(codingPath)) but found nothing"))
        }
        let storage = TapeStorage(tape: tape, userInfo: userInfo, root: root)
        guard usesDirectDecoding else { return try storage.decode(T.self, at: index) }
        return try storage.decodeTopLevel(T.self, at: index, direct: true)
    }
}
