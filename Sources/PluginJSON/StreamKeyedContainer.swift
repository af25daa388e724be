/// Writes the members of an object in place; `EncoderState.closeFrame` puts them in key order.
struct StreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let state: EncoderState
    let depth: Int

    var codingPath: [any CodingKey] { state.codingPath(ofFrame: depth) }

    /// Writes `"key":`, runs `body` to write the value, and records the member.
    @inline(__always)
    private func member(_ key: Key, _ body: () throws -> Void) rethrows {
        let mark = state.mark()
        if state.frames[depth].count > 0 { state.writer.append(UInt8(ascii: ",")) }
        state.frames[depth].count += 1
        let name = key.stringValue
        let start = state.writer.bytes.count
        let escaped = state.writer.append(string: name)
        state.writer.append(UInt8(ascii: ":"))
        let valueStart = state.writer.bytes.count
        do {
            try body()
        } catch {
            state.rollBack(to: mark, depth: depth)
            throw error
        }
        state.members.append(
            EncoderState.Member(
                escapedKey: escaped ? name : nil, start: start, valueStart: valueStart,
                end: state.writer.bytes.count, child: nil))
    }

    mutating func encodeNil(forKey key: Key) throws { member(key) { state.writer.appendNull() } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { member(key) { state.writer.append(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws {
        member(key) { state.writer.append(string: value) }
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try member(key) { try withKey(key) { try state.encodeDouble(value) } }
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        try member(key) { try withKey(key) { try state.encodeFloat(value) } }
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { integer(value, key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try member(key) { try withKey(key) { try state.encodeValue(value, depth: depth + 1) } }
    }

    // `encodeIfPresent` without the standard library's default, which looks up `Optional<T>` metadata per call.

    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    private func integer<I: FixedWidthInteger>(_ value: I, _ key: Key) {
        member(key) { state.writer.append(integer: value) }
    }

    /// Runs `body` with `key` on the coding path.
    private func withKey(_ key: Key, _ body: () throws -> Void) rethrows {
        state.keyPath.append(key)
        defer { state.keyPath.removeLast() }
        try body()
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        StreamEncoder(state: deferredChild(key), depth: 0).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        StreamEncoder(state: deferredChild(key), depth: 0).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        StreamEncoder(state: deferredChild(AnyCodingKey("super")), depth: 0)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        StreamEncoder(state: deferredChild(key), depth: 0)
    }

    /// A child state for a member whose value is written later; spliced in when this object closes.
    private func deferredChild(_ key: any CodingKey) -> EncoderState {
        if state.frames[depth].count > 0 { state.writer.append(UInt8(ascii: ",")) }
        state.frames[depth].count += 1
        let child = EncoderState(
            maxDepth: state.maxDepth - depth - 1, userInfo: state.userInfo, basePath: codingPath + [key])
        let start = state.writer.bytes.count
        let escaped = state.writer.append(string: key.stringValue)
        state.writer.append(UInt8(ascii: ":"))
        let valueStart = state.writer.bytes.count
        state.members.append(
            EncoderState.Member(
                escapedKey: escaped ? key.stringValue : nil, start: start, valueStart: valueStart, end: valueStart,
                child: child))
        state.frames[depth].hasDeferred = true
        return child
    }
}
