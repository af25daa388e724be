/// The members of an object on the tape, looked up by comparing key bytes.
///
/// Lookups scan the members from a per-object cursor (see `TapeStorage.find`), so reading fields in document
/// order costs one comparison each and an absent optional field costs one pass over the keys' lengths.
struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let storage: TapeStorage
    let object: Int

    var codingPath: [any CodingKey] { storage.path(object) }

    var allKeys: [Key] {
        if Key.self == AnyCodingKey.self {
            var keys: [AnyCodingKey] = []
            keys.reserveCapacity(Int(storage.tape.tokens[object].length))
            storage.tape.forEachMember(of: object) { key, _ in keys.append(AnyCodingKey(storage.tape.string(at: key))) }
            // Same type (checked above): reinterpreting the array avoids a per-element dynamic cast.
            return unsafeBitCast(keys, to: [Key].self)
        }
        var keys: [Key] = []
        keys.reserveCapacity(Int(storage.tape.tokens[object].length))
        storage.tape.forEachMember(of: object) { key, _ in
            if let codingKey = Key(stringValue: storage.tape.string(at: key)) { keys.append(codingKey) }
        }
        return keys
    }

    func contains(_ key: Key) -> Bool {
        storage.find(key.stringValue, in: object) != nil
    }

    /// The value token of `key`, or `keyNotFound`.
    @inline(__always)
    private func require(_ key: Key) throws -> Int {
        guard let value = storage.find(key.stringValue, in: object) else {
            throw JSONErrors.keyNotFound(key, path: codingPath)
        }
        return value
    }

    /// The value token of `key` when present and not `null`.
    @inline(__always)
    private func present(_ key: Key) -> Int? {
        guard let value = storage.find(key.stringValue, in: object), !storage.isNull(value) else { return nil }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { storage.isNull(try require(key)) }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try storage.bool(at: require(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try storage.string(at: require(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try storage.double(at: require(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try storage.float(at: require(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try int(Int.self, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try int(Int8.self, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try int(Int16.self, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try int(Int32.self, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try int(Int64.self, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try int(UInt.self, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try int(UInt8.self, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try int(UInt16.self, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try int(UInt32.self, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try int(UInt64.self, key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try storage.decode(T.self, at: require(key))
    }

    private func int<I: FixedWidthInteger>(_ type: I.Type, _ key: Key) throws -> I {
        try storage.integer(I.self, at: require(key))
    }

    // One lookup per optional field (the default implementations would look the key up three times).

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let value = present(key) else { return nil }
        return try storage.bool(at: value)
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let value = present(key) else { return nil }
        return try storage.string(at: value)
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        guard let value = present(key) else { return nil }
        return try storage.double(at: value)
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let value = present(key) else { return nil }
        return try storage.integer(Int.self, at: value)
    }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
        guard let value = present(key) else { return nil }
        return try storage.integer(Int64.self, at: value)
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        // Like `JSONDecoder`, an explicit `null` reads as absent (also for `JSONValue`).
        guard let value = present(key) else { return nil }
        return try storage.decode(T.self, at: value)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(storage: storage, index: require(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TapeDecoder(storage: storage, index: require(key)).unkeyedContainer()
    }

    /// The decoder of the member `super`; one that reads as `null` when there is none.
    func superDecoder() throws -> any Decoder {
        try superDecoder(named: AnyCodingKey("super"))
    }

    /// The decoder of the member `key`; one that reads as `null` when there is none.
    func superDecoder(forKey key: Key) throws -> any Decoder {
        try superDecoder(named: key)
    }

    private func superDecoder(named key: any CodingKey) throws -> any Decoder {
        guard let value = storage.find(key.stringValue, in: object) else {
            return AbsentValueDecoder(codingPath: codingPath + [key], userInfo: storage.userInfo)
        }
        return TapeDecoder(storage: storage, index: value)
    }
}
