/// A type that can build itself straight from a parsed document, skipping the `Decodable` machinery.
///
/// `Decodable` asks for every typed member by key (a lookup per member, present or not) through existential
/// containers; for the request types a plugin decodes on every call that costs more than the rest of the call.
/// A conforming type walks the members that are present once. When it meets anything it does not handle exactly
/// as `init(from:)` would (a type mismatch, an escaped key, a member it leaves to `Decodable`), it returns `nil`
/// and ``PluginJSONDecoder`` decodes the whole value through `init(from:)`, so errors and edge cases are always
/// those of the `Decodable` route. Its tests compare both routes value for value.
package protocol JSONDirectDecodable: Decodable {
    /// Builds the value, or returns `nil` when only `init(from:)` can be trusted with this input.
    init?(directJSON value: JSONTapeValue)
}

/// One value of a document parsed by ``PluginJSONDecoder``, for ``JSONDirectDecodable`` types.
package struct JSONTapeValue {
    let storage: TapeStorage
    let index: Int

    init(storage: TapeStorage, index: Int) {
        self.storage = storage
        self.index = index
    }

    private var token: JSONToken { storage.tape.tokens[index] }

    /// Whether the value is `null` (an optional member that is `null` decodes as absent).
    package var isNull: Bool { token.kind == .null }

    /// The value if it is a string.
    package var string: String? {
        let kind = token.kind
        guard kind == .string || kind == .escapedString else { return nil }
        return storage.tape.string(at: index)
    }

    /// The value if it is `true` or `false`.
    package var bool: Bool? { try? storage.bool(at: index) }

    /// The value if it is a number that an `Int64` holds exactly (as `Decodable` would read it).
    package var int64: Int64? { try? storage.integer(Int64.self, at: index) }

    /// The value if it is an array of strings.
    package var stringArray: [String]? { try? storage.stringArray(at: index) }

    /// The value if it is an object of strings.
    package var stringDictionary: [String: String]? { try? storage.stringDictionary(at: index) }

    /// The value if it is an object, its members as `JSONValue`s (`nil` too for a number no `JSONValue` holds).
    package var jsonObject: [String: JSONValue]? { try? storage.jsonObject(at: index) }

    /// The members of an object, in document order, or `nil` when the value is not an object. A builder walks them
    /// in a plain loop and fills `self` as it goes (a closure capturing `self` made the compiler copy the struct).
    package var members: JSONMembers? {
        let header = token
        guard header.kind == .object else { return nil }
        return JSONMembers(storage: storage, key: index + 1, remaining: Int(header.length))
    }

    /// Calls `body` with each member of an object, in document order, until it returns `false`. Returns `false`
    /// when the value is not an object or `body` stopped. (The request builders use ``members``.)
    package func forEachMember(_ body: (JSONMemberKey, JSONTapeValue) -> Bool) -> Bool {
        guard var members else { return false }
        while let (key, value) = members.next() {
            guard body(key, value) else { return false }
        }
        return true
    }

    /// How many elements the value has if it is an array, otherwise `nil`.
    package var elementCount: Int? {
        let header = token
        return header.kind == .array ? Int(header.length) : nil
    }

    /// Calls `body` with each element of an array, in order, until it returns `false`. Returns `false` when the
    /// value is not an array or `body` stopped. (Not generic, so callers build their arrays in specialized code.)
    package func forEachElement(_ body: (JSONTapeValue) -> Bool) -> Bool {
        let header = token
        guard header.kind == .array else { return false }
        var position = index + 1
        for _ in 0..<Int(header.length) {
            guard body(JSONTapeValue(storage: storage, index: position)) else { return false }
            position = Int(storage.tape.tokens[position].next)
        }
        return true
    }

    /// The value through its `Decodable` route (with the decoder's fast paths for strings, numbers, string
    /// dictionaries and `JSONValue`), or `nil` if that throws.
    package func decode<T: Decodable>(_ type: T.Type) -> T? {
        try? storage.decode(T.self, at: index)
    }

    /// The value as a `JSONValue` (what models keep in `unknownFields`), or `nil` for a number no type holds.
    package var jsonValue: JSONValue? { try? storage.jsonValue(at: index) }
}

/// The members of an object on the tape, one `(key, value)` at a time.
package struct JSONMembers {
    let storage: TapeStorage
    /// The token of the next member's key.
    var key: Int
    var remaining: Int

    /// The next member, or `nil` after the last.
    package mutating func next() -> (key: JSONMemberKey, value: JSONTapeValue)? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        let key = self.key
        self.key = Int(storage.tape.tokens[key + 1].next)
        return (JSONMemberKey(storage: storage, index: key), JSONTapeValue(storage: storage, index: key + 1))
    }
}

/// The key of an object member, compared as bytes against the names a model types.
package struct JSONMemberKey {
    let storage: TapeStorage
    let index: Int

    /// Whether the key is written without escapes (its bytes are its UTF-8).
    package var isPlain: Bool { storage.tape.tokens[index].kind == .string }

    /// The key, unescaped.
    package var string: String { storage.tape.string(at: index) }

    /// Whether the key, written without escapes, is `name`.
    @inline(__always)
    package func `is`(_ name: StaticString) -> Bool {
        let token = storage.tape.tokens[index]
        guard Int(token.length) == name.utf8CodeUnitCount, token.kind == .string else { return false }
        let bytes = storage.tape.bytes
        let start = Int(token.start)
        return name.withUTF8Buffer { expected in
            for offset in 0..<expected.count where bytes[start + offset] != expected[offset] { return false }
            return true
        }
    }

    /// The position in `table` of the name the key spells when it is written without escapes; `nil` for any
    /// other key (an escaped spelling of a name included: builders leave those to `init(from:)`).
    package func fieldIndex(in table: JSONFieldTable) -> Int? {
        let token = storage.tape.tokens[index]
        guard token.kind == .string else { return nil }
        return table.index(storage.tape.bytes, start: Int(token.start), length: Int(token.length))
    }
}

extension TapeStorage {
    /// Decodes the value at `index`, through ``JSONDirectDecodable`` when `T` conforms and accepts the input.
    func decodeTopLevel<T: Decodable>(_ type: T.Type, at index: Int, direct: Bool) throws -> T {
        if direct, let directType = T.self as? any JSONDirectDecodable.Type,
            let value = Self.build(directType, as: T.self, JSONTapeValue(storage: self, index: index))
        {
            return value
        }
        return try decode(T.self, at: index)
    }

    /// `D(directJSON:)` as a `T`, where the caller has checked that `D` is `T`.
    ///
    /// Reinterpreting the built value skips the dynamic cast `as! T` would make, which copies the whole value
    /// (every string and array of a request retained once more, then released) and boxes it on the way.
    private static func build<D: JSONDirectDecodable, T>(_ type: D.Type, as: T.Type, _ value: JSONTapeValue) -> T? {
        guard let built = D(directJSON: value) else { return nil }
        return unsafeBitCast(built, to: T.self)
    }
}
