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

    /// Calls `body` with each member of an object, in document order, until it returns `false`. Returns `false`
    /// when the value is not an object or `body` stopped.
    package func forEachMember(_ body: (JSONMemberKey, JSONTapeValue) -> Bool) -> Bool {
        guard token.kind == .object else { return false }
        let tape = storage.tape
        var key = index + 1
        for _ in 0..<Int(token.length) {
            let value = key + 1
            guard body(JSONMemberKey(tape: tape, index: key), JSONTapeValue(storage: storage, index: value)) else {
                return false
            }
            key = Int(tape.tokens[value].next)
        }
        return true
    }

    /// The elements of an array, each built by `element`; `nil` when the value is not an array or an element
    /// gives `nil`.
    package func array<Element>(_ element: (JSONTapeValue) -> Element?) -> [Element]? {
        guard token.kind == .array else { return nil }
        var elements: [Element] = []
        elements.reserveCapacity(Int(token.length))
        var position = index + 1
        for _ in 0..<Int(token.length) {
            guard let built = element(JSONTapeValue(storage: storage, index: position)) else { return nil }
            elements.append(built)
            position = Int(storage.tape.tokens[position].next)
        }
        return elements
    }

    /// The value through its `Decodable` route (with the decoder's fast paths for strings, numbers, string
    /// dictionaries and `JSONValue`), or `nil` if that throws.
    package func decode<T: Decodable>(_ type: T.Type) -> T? {
        try? storage.decode(T.self, at: index)
    }

    /// The value as a `JSONValue` (what models keep in `unknownFields`), or `nil` for a number no type holds.
    package var jsonValue: JSONValue? { try? storage.jsonValue(at: index) }
}

/// The key of an object member, compared as bytes against the names a model types.
package struct JSONMemberKey {
    let tape: JSONTape
    let index: Int

    /// Whether the key is written without escapes (its bytes are its UTF-8).
    package var isPlain: Bool { tape.tokens[index].kind == .string }

    /// The key, unescaped.
    package var string: String { tape.string(at: index) }

    /// Whether the key, written without escapes, is `name`.
    @inline(__always)
    package func `is`(_ name: StaticString) -> Bool {
        let token = tape.tokens[index]
        guard Int(token.length) == name.utf8CodeUnitCount, token.kind == .string else { return false }
        let bytes = tape.bytes
        let start = Int(token.start)
        return name.withUTF8Buffer { expected in
            for offset in 0..<expected.count where bytes[start + offset] != expected[offset] { return false }
            return true
        }
    }
}

extension TapeStorage {
    /// Decodes the value at `index`, through ``JSONDirectDecodable`` when `T` conforms and accepts the input.
    func decodeTopLevel<T: Decodable>(_ type: T.Type, at index: Int, direct: Bool) throws -> T {
        // `as! T` on the built value (whose type is `T`) rather than `as? T`: a conditional cast would look up the
        // metadata of `Optional<T>` on every call, which for a type the runtime has not pre-built is a hash lookup.
        if direct, let directType = T.self as? any JSONDirectDecodable.Type,
            let value = directType.init(directJSON: JSONTapeValue(storage: self, index: index))
        {
            return value as! T
        }
        return try decode(T.self, at: index)
    }
}
