/// The state one `PluginJSONDecoder.decode` call shares between its decoders and containers: the parsed tape and
/// a per-object lookup cursor.
///
/// Not `Sendable`: it lives only for the duration of one synchronous `decode` call, on one thread.
final class TapeStorage {
    /// The parsed document.
    let tape: JSONTape
    /// `Decoder.userInfo` for every decoder of this call.
    let userInfo: [CodingUserInfoKey: Any]
    /// For each object token, the key token where the next lookup starts (0: the first member). Members are
    /// usually read in the order they appear, so lookups mostly hit on the first comparison.
    var cursors: [UInt32]

    init(tape: JSONTape, userInfo: [CodingUserInfoKey: any Sendable]) {
        self.tape = tape
        var plain: [CodingUserInfoKey: Any] = [:]
        for (key, value) in userInfo { plain[key] = value }
        self.userInfo = plain
        self.cursors = Array(repeating: 0, count: tape.tokens.count)
    }

    /// The value token of member `key` in the object at `object`, or `nil`.
    func find(_ key: String, in object: Int) -> Int? {
        let tokens = tape.tokens
        let header = tokens[object]
        let count = Int(header.length)
        if count == 0 { return nil }
        let first = object + 1
        let end = Int(header.next)
        var candidate = cursors[object] == 0 ? first : Int(cursors[object])
        // Start at the cursor and wrap around: each member is compared at most once.
        for _ in 0..<count {
            if candidate >= end { candidate = first }
            let value = candidate + 1
            let after = Int(tokens[value].next)
            if tape.key(at: candidate, equals: key) {
                cursors[object] = after < end ? UInt32(after) : 0
                return value
            }
            candidate = after
        }
        return nil
    }

    /// The coding path of token `index`, optionally followed by `key`.
    func path(_ index: Int, _ key: (any CodingKey)? = nil) -> [any CodingKey] {
        var path = tape.codingPath(to: index)
        if let key { path.append(key) }
        return path
    }

    /// Decodes a `T` from the value at token `index`, with fast paths for common and JSON-shaped types.
    func decode<T: Decodable>(_ type: T.Type, at index: Int) throws -> T {
        if T.self == String.self { return try string(at: index) as! T }
        if T.self == JSONValue.self { return try jsonValue(at: index) as! T }
        if T.self == Int.self { return try integer(Int.self, at: index) as! T }
        if T.self == Bool.self { return try bool(at: index) as! T }
        if T.self == [String: JSONValue].self { return try jsonObject(at: index) as! T }
        if T.self == Int64.self { return try integer(Int64.self, at: index) as! T }
        if T.self == Double.self { return try double(at: index) as! T }
        return try T(from: TapeDecoder(storage: self, index: index))
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

    /// The object at `index` as a dictionary of `JSONValue`s.
    func jsonObject(at index: Int) throws -> [String: JSONValue] {
        guard tape.tokens[index].kind == .object else {
            throw mismatch([String: JSONValue].self, "an object", at: index)
        }
        var members: [String: JSONValue] = [:]
        members.reserveCapacity(Int(tape.tokens[index].length))
        try tape.forEachMember(of: index) { key, value in
            members[tape.string(at: key)] = try jsonValue(at: value)
        }
        return members
    }
}
