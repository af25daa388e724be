/// One parsed JSON value on the tape: a container header, a string, a number or a literal.
///
/// The tape is the document in pre-order: an object's header is followed by its members as key/value pairs, an
/// array's header by its elements. Strings and numbers are not converted while parsing; they point back into the
/// input bytes and are converted only when a decoder asks for them.
struct JSONToken: Sendable {
    /// What the token is.
    enum Kind: UInt8, Sendable {
        case object, array, string, escapedString, integer, float, trueLiteral, falseLiteral, null
    }

    /// What the token is.
    var kind: Kind
    /// Strings: ``nonASCII`` when the content has a byte over 0x7F. Objects: ``irregularKeys`` when a key is escaped
    /// or not ASCII (two keys are then compared as `String`s, not as bytes).
    var flags: UInt8 = 0
    /// Byte offset: the first content byte of a string (after the quote), the first byte of a number, the bracket
    /// of a container.
    var start: UInt32
    /// Byte length of a string's raw content or of a number; member or element count of a container.
    var length: UInt32
    /// Index of the token after this value and everything nested in it.
    var next: UInt32
    /// Objects only: bit `n % 32` is set when a key has UTF-8 length `n` (all bits when a key has escapes), so
    /// most lookups of absent keys end without comparing anything.
    var keyLengths: UInt32 = 0

    /// ``flags`` of a string: a byte of its content is over 0x7F.
    static let nonASCII: UInt8 = 1
    /// ``flags`` of an object: one of its keys is escaped or not ASCII.
    static let irregularKeys: UInt8 = 1

    /// A short name of the JSON type, for error messages.
    var typeName: String {
        switch kind {
        case .object: return "an object"
        case .array: return "an array"
        case .string, .escapedString: return "a string"
        case .integer, .float: return "a number"
        case .trueLiteral, .falseLiteral: return "a boolean"
        case .null: return "null"
        }
    }
}

/// A parsed document: the input bytes and the tokens that index into them. Immutable once built.
struct JSONTape: Sendable {
    /// The document's UTF-8 bytes, already validated.
    let bytes: [UInt8]
    /// The tokens in pre-order; token 0 is the top-level value.
    let tokens: JSONTokens

    /// Parses `bytes` strictly (RFC 8259), refusing nesting deeper than `maxDepth`.
    init(parsing bytes: [UInt8], maxDepth: Int) throws {
        self.bytes = bytes
        self.tokens = try bytes.withUnsafeBufferPointer { try JSONScanner.scan($0, maxDepth: maxDepth) }
    }

    /// The value token of member `key` in the object at `object`, or `nil`.
    ///
    /// Objects are small, so this is a linear scan; the object's key-length bit set rules out most absent keys
    /// before any comparison, and a comparison starts with the length.
    @inline(__always)
    func find(_ key: String, in object: Int) -> Int? {
        let header = tokens[object]
        let length = key.utf8.count
        guard header.keyLengths & (1 << UInt32(truncatingIfNeeded: length & 31)) != 0 else { return nil }
        var candidate = object + 1
        for _ in 0..<Int(header.length) {
            let value = candidate + 1
            if self.key(at: candidate, equals: key, length: length) { return value }
            candidate = Int(tokens[value].next)
        }
        return nil
    }

    /// The string at token `index` (a string token), unescaped.
    func string(at index: Int) -> String {
        let token = tokens[index]
        if token.kind == .string {
            return JSONBytes.string(bytes, start: Int(token.start), length: Int(token.length))
        }
        return JSONBytes.unescapedString(bytes, start: Int(token.start), length: Int(token.length))
    }

    /// The raw text of token `index` (used for numbers in messages), at most 40 characters.
    func rawText(at index: Int) -> String {
        let token = tokens[index]
        let length = min(Int(token.length), JSONErrors.maxEchoedCharacters)
        return JSONBytes.string(bytes, start: Int(token.start), length: length)
            + (Int(token.length) > length ? "…" : "")
    }

    /// Whether the key token at `index` spells `key` (whose UTF-8 length is `length`).
    @inline(__always)
    func key(at index: Int, equals key: String, length: Int) -> Bool {
        let token = tokens[index]
        if token.kind == .string {
            guard Int(token.length) == length else { return false }
            return JSONBytes.equal(bytes, start: Int(token.start), length: length, to: key)
        }
        return string(at: index).utf8.elementsEqual(key.utf8)
    }

    /// The value-token indices of the members of the object at `object`, in document order, with their key tokens.
    func forEachMember(of object: Int, _ body: (_ key: Int, _ value: Int) throws -> Void) rethrows {
        var key = object + 1
        for _ in 0..<Int(tokens[object].length) {
            try body(key, key + 1)
            key = Int(tokens[key + 1].next)
        }
    }

    /// The coding path from token `root` (the top level by default) to token `target`, which `root` contains,
    /// rebuilt from the tape (only errors and callers that read `codingPath` pay for it).
    func codingPath(from root: Int = 0, to target: Int) -> [any CodingKey] {
        var path: [any CodingKey] = []
        var current = root
        while current != target {
            let token = tokens[current]
            var child = current + 1
            var found = false
            if token.kind == .object {
                for _ in 0..<Int(token.length) {
                    let value = child + 1
                    if target >= value && target < Int(tokens[value].next) {
                        path.append(AnyCodingKey(string(at: child)))
                        current = value
                        found = true
                        break
                    }
                    child = Int(tokens[value].next)
                }
            } else if token.kind == .array {
                for position in 0..<Int(token.length) {
                    if target >= child && target < Int(tokens[child].next) {
                        path.append(AnyCodingKey(intValue: position)!)
                        current = child
                        found = true
                        break
                    }
                    child = Int(tokens[child].next)
                }
            }
            if !found { break }
        }
        return path
    }
}
