/// What one `PluginJSONDecoder.decode` call shares between its decoders and containers: the parsed tape and the
/// user info. Immutable, so reading it needs no exclusivity checks.
final class TapeStorage {
    /// The parsed document.
    let tape: JSONTape
    /// `Decoder.userInfo` for every decoder of this call.
    let userInfo: [CodingUserInfoKey: Any]
    /// The token coding paths start from: 0, or the value a subdocument stands for.
    let root: Int

    init(tape: JSONTape, userInfo: [CodingUserInfoKey: any Sendable], root: Int = 0) {
        self.tape = tape
        self.root = root
        if userInfo.isEmpty {
            self.userInfo = [:]
        } else {
            var plain: [CodingUserInfoKey: Any] = [:]
            for (key, value) in userInfo { plain[key] = value }
            self.userInfo = plain
        }
    }

    /// The value token of member `key` in the object at `object`, or `nil`.
    @inline(__always)
    func find(_ key: String, in object: Int) -> Int? {
        tape.find(key, in: object)
    }

    /// The coding path of token `index`, optionally followed by `key`.
    func path(_ index: Int, _ key: (any CodingKey)? = nil) -> [any CodingKey] {
        var path = tape.codingPath(from: root, to: index)
        if let key { path.append(key) }
        return path
    }

    /// Decodes a `T` from the value at token `index`, with fast paths for common and JSON-shaped types.
    func decode<T: Decodable>(_ type: T.Type, at index: Int) throws -> T {
        // Comparing metadata is a pointer comparison; the generic ones are looked up once (`FastPathTypes`).
        // `same(_:)` reinterprets a value whose type was just checked to be `T`, skipping a dynamic cast.
        let type = ObjectIdentifier(T.self)
        if type == ObjectIdentifier(String.self) { return same(try string(at: index)) }
        if type == ObjectIdentifier(JSONValue.self) { return same(try jsonValue(at: index)) }
        if type == FastPathTypes.jsonObject { return same(try jsonObject(at: index)) }
        if type == ObjectIdentifier(Int.self) { return same(try integer(Int.self, at: index)) }
        if type == ObjectIdentifier(Bool.self) { return same(try bool(at: index)) }
        if type == ObjectIdentifier(Int64.self) { return same(try integer(Int64.self, at: index)) }
        if type == ObjectIdentifier(Double.self) { return same(try double(at: index)) }
        if type == FastPathTypes.stringDictionary { return same(try stringDictionary(at: index)) }
        if type == FastPathTypes.stringArray { return same(try stringArray(at: index)) }
        return try T(from: TapeDecoder(storage: self, index: index))
    }

    /// `value` as `T`; only called after checking that `T` is exactly `U`.
    @inline(__always)
    private func same<U, T>(_ value: U) -> T {
        unsafeBitCast(value, to: T.self)
    }

    // MARK: Scalars

    func string(at index: Int) throws -> String {
        let kind = tape.tokens[index].kind
        guard kind == .string || kind == .escapedString else {
            throw mismatch(String.self, "a string", at: index)
        }
        return tape.string(at: index)
    }

    func bool(at index: Int) throws -> Bool {
        switch tape.tokens[index].kind {
        case .trueLiteral: return true
        case .falseLiteral: return false
        default: throw mismatch(Bool.self, "a boolean", at: index)
        }
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type, at index: Int) throws -> I {
        let token = tape.tokens[index]
        let start = Int(token.start)
        let length = Int(token.length)
        switch token.kind {
        case .integer:
            if I.isSigned, let value = JSONBytes.int64(tape.bytes, start: start, length: length),
                let exact = I(exactly: value)
            {
                return exact
            }
            if !I.isSigned, let value = JSONBytes.uint64(tape.bytes, start: start, length: length),
                let exact = I(exactly: value)
            {
                return exact
            }
        case .float:
            let value = JSONBytes.double(tape.bytes, start: start, length: length)
            if value.isFinite, value.rounded(.towardZero) == value, let exact = I(exactly: value) {
                return exact
            }
        default:
            throw mismatch(I.self, "an integer", at: index)
        }
        throw JSONErrors.numberDoesNotFit(tape.rawText(at: index), into: I.self, path: path(index))
    }

    func double(at index: Int) throws -> Double {
        let token = tape.tokens[index]
        guard token.kind == .integer || token.kind == .float else {
            throw mismatch(Double.self, "a number", at: index)
        }
        let value = JSONBytes.double(tape.bytes, start: Int(token.start), length: Int(token.length))
        guard value.isFinite else {
            throw JSONErrors.numberDoesNotFit(tape.rawText(at: index), into: Double.self, path: path(index))
        }
        return value
    }

    func float(at index: Int) throws -> Float {
        let value = try double(at: index)
        let narrowed = Float(value)
        guard narrowed.isFinite else {
            throw JSONErrors.numberDoesNotFit(tape.rawText(at: index), into: Float.self, path: path(index))
        }
        return narrowed
    }

    func isNull(_ index: Int) -> Bool {
        tape.tokens[index].kind == .null
    }

    func mismatch(_ type: Any.Type, _ expected: String, at index: Int) -> DecodingError {
        JSONErrors.mismatch(type, expected: expected, found: tape.tokens[index].typeName, path: path(index))
    }

    // MARK: JSONValue

    /// The value at `index` as a `JSONValue` (recursion is bounded by the scanner's depth limit).
    func jsonValue(at index: Int) throws -> JSONValue {
        let token = tape.tokens[index]
        switch token.kind {
        case .object: return .object(try jsonObject(at: index))
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(Int(token.length))
            var element = index + 1
            for _ in 0..<Int(token.length) {
                elements.append(try jsonValue(at: element))
                element = Int(tape.tokens[element].next)
            }
            return .array(elements)
        case .string, .escapedString: return .string(tape.string(at: index))
        case .integer:
            if let value = JSONBytes.int64(tape.bytes, start: Int(token.start), length: Int(token.length)) {
                return .integer(value)
            }
            return .number(try double(at: index))
        case .float: return .number(try double(at: index))
        case .trueLiteral: return .bool(true)
        case .falseLiteral: return .bool(false)
        case .null: return .null
        }
    }

    /// The object at `index` as `[String: String]` (labels, annotations).
    func stringDictionary(at index: Int) throws -> [String: String] {
        guard tape.tokens[index].kind == .object else {
            throw mismatch([String: String].self, "an object", at: index)
        }
        // `init(minimumCapacity:)` is inlined and specialized; `reserveCapacity` on an empty dictionary is a generic
        // call into the standard library that looks up the storage's metadata every time.
        var members = [String: String](minimumCapacity: Int(tape.tokens[index].length))
        try tape.forEachMember(of: index) { key, value in
            members[tape.string(at: key)] = try string(at: value)
        }
        return members
    }

    /// The array at `index` as `[String]`.
    func stringArray(at index: Int) throws -> [String] {
        let token = tape.tokens[index]
        guard token.kind == .array else { throw mismatch([String].self, "an array", at: index) }
        var elements: [String] = []
        elements.reserveCapacity(Int(token.length))
        var element = index + 1
        for _ in 0..<Int(token.length) {
            elements.append(try string(at: element))
            element = Int(tape.tokens[element].next)
        }
        return elements
    }

    /// The object at `index` as a dictionary of `JSONValue`s.
    func jsonObject(at index: Int) throws -> [String: JSONValue] {
        guard tape.tokens[index].kind == .object else {
            throw mismatch([String: JSONValue].self, "an object", at: index)
        }
        var members = [String: JSONValue](minimumCapacity: Int(tape.tokens[index].length))
        try tape.forEachMember(of: index) { key, value in
            members[tape.string(at: key)] = try jsonValue(at: value)
        }
        return members
    }
}

/// Metadata of the generic types `TapeStorage.decode` handles itself, looked up once instead of per call.
enum FastPathTypes {
    static let jsonObject = ObjectIdentifier([String: JSONValue].self)
    static let stringDictionary = ObjectIdentifier([String: String].self)
    static let stringArray = ObjectIdentifier([String].self)
}
