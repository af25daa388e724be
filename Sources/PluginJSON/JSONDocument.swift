/// A parsed JSON document that can be inspected before, or instead of, decoding it.
///
/// Parsing validates the whole document (the rules of `PluginJSONDecoder`) once; lookups and decodes then work
/// on the parsed form without reading the text again. A plugin server can, for example, answer "not mine" by
/// looking for its key under `template.plugin` before decoding the rest of the template.
///
/// ```swift
/// let document = try JSONDocument(parsing: body)
/// guard document.contains(["template", "plugin", "hello"]) else { return notMine }
/// let args = try document.decode(ExecuteTemplateArgs.self)
/// ```
public struct JSONDocument: Sendable {
    let tape: JSONTape

    /// Parses a complete document.
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the problem and its byte offset.
    public init(parsing bytes: [UInt8], maxDepth: Int = 512) throws {
        tape = try JSONTape(parsing: bytes, maxDepth: maxDepth)
    }

    /// The token of the value at `path` (object keys from the top level), or `nil`.
    private func token(at path: [String]) -> Int? {
        var index = 0
        for key in path {
            guard let member = tape.find(key, in: index) else { return nil }
            index = member
        }
        return index
    }

    /// Whether there is a value (possibly `null`) at `path`, a list of object keys from the top level.
    public func contains(_ path: [String]) -> Bool {
        token(at: path) != nil
    }

    /// The keys of the object at `path` in document order, or `nil` when there is no object there.
    public func keys(at path: [String] = []) -> [String]? {
        guard let index = token(at: path), tape.tokens[index].kind == .object else { return nil }
        var keys: [String] = []
        tape.forEachMember(of: index) { key, _ in keys.append(tape.string(at: key)) }
        return keys
    }

    /// The value at `path` as a `JSONValue`, or `nil` when there is none.
    public func value(at path: [String] = []) throws -> JSONValue? {
        guard let index = token(at: path) else { return nil }
        return try TapeStorage(tape: tape, userInfo: [:]).jsonValue(at: index)
    }

    /// Decodes a `T` from the value at `path` (the whole document by default).
    ///
    /// - Throws: `DecodingError.valueNotFound` when there is no value at `path`, otherwise what `PluginJSONDecoder`
    ///   throws. Coding paths in errors start at the top of the document.
    public func decode<T: Decodable>(
        _ type: T.Type, at path: [String] = [], userInfo: [CodingUserInfoKey: any Sendable] = [:]
    ) throws -> T {
        guard let index = token(at: path) else {
            throw DecodingError.valueNotFound(
                T.self,
                DecodingError.Context(
                    codingPath: path.map { AnyCodingKey($0) },
                    debugDescription: "expected \(T.self) at \(JSONErrors.describe(path: path.map { AnyCodingKey($0) })) but found nothing"))
        }
        return try TapeStorage(tape: tape, userInfo: userInfo).decodeTopLevel(T.self, at: index, direct: true)
    }
}
