/// The `Decoder` handed to `Decodable` implementations: one value on the tape.
///
/// It is a small struct (storage reference and token index). Its coding path is not carried along but rebuilt
/// from the tape when someone reads it, so nesting costs no allocation.
struct TapeDecoder: Decoder {
    let storage: TapeStorage
    let index: Int

    var codingPath: [any CodingKey] { storage.path(index) }
    var userInfo: [CodingUserInfoKey: Any] { storage.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard storage.tape.tokens[index].kind == .object else {
            throw storage.mismatch([String: JSONValue].self, "an object", at: index)
        }
        return KeyedDecodingContainer(TapeKeyedContainer<Key>(storage: storage, object: index))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard storage.tape.tokens[index].kind == .array else {
            throw storage.mismatch([JSONValue].self, "an array", at: index)
        }
        return TapeUnkeyedContainer(storage: storage, array: index)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TapeSingleValueContainer(storage: storage, index: index)
    }
}

/// A single value on the tape.
struct TapeSingleValueContainer: SingleValueDecodingContainer {
    let storage: TapeStorage
    let index: Int

    var codingPath: [any CodingKey] { storage.path(index) }

    func decodeNil() -> Bool { storage.isNull(index) }
    func decode(_ type: Bool.Type) throws -> Bool { try storage.bool(at: index) }
    func decode(_ type: String.Type) throws -> String { try storage.string(at: index) }
    func decode(_ type: Double.Type) throws -> Double { try storage.double(at: index) }
    func decode(_ type: Float.Type) throws -> Float { try storage.float(at: index) }
    func decode(_ type: Int.Type) throws -> Int { try storage.integer(Int.self, at: index) }
    func decode(_ type: Int8.Type) throws -> Int8 { try storage.integer(Int8.self, at: index) }
    func decode(_ type: Int16.Type) throws -> Int16 { try storage.integer(Int16.self, at: index) }
    func decode(_ type: Int32.Type) throws -> Int32 { try storage.integer(Int32.self, at: index) }
    func decode(_ type: Int64.Type) throws -> Int64 { try storage.integer(Int64.self, at: index) }
    func decode(_ type: UInt.Type) throws -> UInt { try storage.integer(UInt.self, at: index) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try storage.integer(UInt8.self, at: index) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try storage.integer(UInt16.self, at: index) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try storage.integer(UInt32.self, at: index) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try storage.integer(UInt64.self, at: index) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try storage.decode(T.self, at: index) }
}

/// The elements of an array on the tape, read front to back.
struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let storage: TapeStorage
    let array: Int
    /// Token of the next element.
    private var position: Int

    var count: Int? { Int(storage.tape.tokens[array].length) }
    private(set) var currentIndex = 0
    var isAtEnd: Bool { currentIndex >= Int(storage.tape.tokens[array].length) }
    var codingPath: [any CodingKey] { storage.path(array) }

    init(storage: TapeStorage, array: Int) {
        self.storage = storage
        self.array = array
        self.position = array + 1
    }

    /// The next element's token, moving past it.
    private mutating func next(_ type: Any.Type) throws -> Int {
        guard !isAtEnd else {
            throw JSONErrors.arrayEnded(
                type, count: currentIndex, path: codingPath + [AnyCodingKey(intValue: currentIndex)!])
        }
        let element = position
        position = Int(storage.tape.tokens[element].next)
        currentIndex += 1
        return element
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { _ = try next(JSONValue?.self); return false }
        if storage.isNull(position) {
            _ = try next(JSONValue?.self)
            return true
        }
        return false
    }

    mutating func decode(_ type: String.Type) throws -> String { try storage.string(at: next(type)) }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try storage.bool(at: next(type)) }
    mutating func decode(_ type: Int.Type) throws -> Int { try storage.integer(Int.self, at: next(type)) }
    mutating func decode(_ type: Double.Type) throws -> Double { try storage.double(at: next(type)) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try storage.decode(T.self, at: next(type)) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(storage: storage, index: next(type)).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try TapeDecoder(storage: storage, index: next([JSONValue].self)).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        TapeDecoder(storage: storage, index: try next(JSONValue.self))
    }
}
