/// The `Encoder` handed to `Encodable` implementations: a position (`depth`) in an `EncoderState`.
struct StreamEncoder: Encoder {
    let state: EncoderState
    let depth: Int

    var codingPath: [any CodingKey] { state.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { state.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        state.openFrame(depth: depth, isObject: true)
        return KeyedEncodingContainer(StreamKeyedContainer<Key>(state: state, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        state.openFrame(depth: depth, isObject: false)
        return StreamUnkeyedContainer(state: state, depth: depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StreamSingleValueContainer(state: state, depth: depth)
    }
}

/// Writes one value in place; a second value is an error.
struct StreamSingleValueContainer: SingleValueEncodingContainer {
    let state: EncoderState
    let depth: Int
    private var written = false

    init(state: EncoderState, depth: Int) {
        self.state = state
        self.depth = depth
    }

    var codingPath: [any CodingKey] { state.codingPath }

    private mutating func claim(_ value: Any) throws {
        guard !written else {
            throw JSONErrors.cannotEncode(value, "a single value container can hold only one value", path: codingPath)
        }
        written = true
    }

    mutating func encodeNil() throws {
        try claim(JSONValue.null)
        state.writer.appendNull()
    }
    mutating func encode(_ value: Bool) throws {
        try claim(value)
        state.writer.append(value)
    }
    mutating func encode(_ value: String) throws {
        try claim(value)
        state.writer.append(string: value)
    }
    mutating func encode(_ value: Double) throws {
        try claim(value)
        try state.encodeDouble(value)
    }
    mutating func encode(_ value: Float) throws {
        try claim(value)
        try state.encodeFloat(value)
    }
    mutating func encode(_ value: Int) throws { try integer(value) }
    mutating func encode(_ value: Int8) throws { try integer(value) }
    mutating func encode(_ value: Int16) throws { try integer(value) }
    mutating func encode(_ value: Int32) throws { try integer(value) }
    mutating func encode(_ value: Int64) throws { try integer(value) }
    mutating func encode(_ value: UInt) throws { try integer(value) }
    mutating func encode(_ value: UInt8) throws { try integer(value) }
    mutating func encode(_ value: UInt16) throws { try integer(value) }
    mutating func encode(_ value: UInt32) throws { try integer(value) }
    mutating func encode(_ value: UInt64) throws { try integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try claim(value)
        try state.encodeValue(value, depth: depth)
    }

    private mutating func integer<I: FixedWidthInteger>(_ value: I) throws {
        try claim(value)
        state.writer.append(integer: value)
    }
}

/// Writes the elements of an array in place.
struct StreamUnkeyedContainer: UnkeyedEncodingContainer {
    let state: EncoderState
    let depth: Int

    var codingPath: [any CodingKey] { state.codingPath(ofFrame: depth) }
    var count: Int { depth < state.frames.count ? state.frames[depth].count : 0 }

    /// Writes the separator and counts the element.
    private func next() {
        if state.frames[depth].count > 0 { state.writer.append(UInt8(ascii: ",")) }
        state.frames[depth].count += 1
    }

    mutating func encodeNil() throws {
        next()
        state.writer.appendNull()
    }
    mutating func encode(_ value: String) throws {
        next()
        state.writer.append(string: value)
    }
    mutating func encode(_ value: Bool) throws {
        next()
        state.writer.append(value)
    }
    mutating func encode(_ value: Int) throws {
        next()
        state.writer.append(integer: value)
    }
    mutating func encode(_ value: Double) throws {
        next()
        try state.encodeDouble(value)
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let mark = state.mark()
        next()
        state.keyPath.append(AnyCodingKey(intValue: count - 1)!)
        defer { state.keyPath.removeLast() }
        do {
            try state.encodeValue(value, depth: depth + 1)
        } catch {
            // A caller that catches the error can go on with a well-formed array.
            state.rollBack(to: mark, depth: depth)
            throw error
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        StreamEncoder(state: deferredChild(), depth: 0).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        StreamEncoder(state: deferredChild(), depth: 0).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        StreamEncoder(state: deferredChild(), depth: 0)
    }

    /// A child state whose text is spliced in at this element's place when the array closes.
    private mutating func deferredChild() -> EncoderState {
        next()
        let child = EncoderState(
            maxDepth: state.maxDepth - depth - 1, userInfo: state.userInfo,
            basePath: codingPath + [AnyCodingKey(intValue: count - 1)!])
        let position = state.writer.bytes.count
        state.members.append(
            EncoderState.Member(escapedKey: nil, start: position, valueStart: position, end: position, child: child))
        state.frames[depth].hasDeferred = true
        return child
    }
}
