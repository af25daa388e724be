/// The state of one `PluginJSONEncoder.encode` call: the output buffer and the containers still open.
///
/// Values are written straight into the buffer in the order `Encodable` implementations produce them. Each open
/// object remembers where its members start and end; when the object closes (when the `encode(to:)` that opened
/// it returns) the members are reordered by key if they were not written sorted. Containers created with
/// `nestedContainer`/`superEncoder` may be filled in any order, so they get a child state that is spliced in when
/// their parent closes.
///
/// Not `Sendable`: it lives only for the duration of one synchronous `encode` call, on one thread.
final class EncoderState {
    /// An open array or object; `frames[d]` belongs to the encoder at depth `d`.
    struct Frame {
        let isObject: Bool
        /// Position of the opening bracket.
        let open: Int
        /// First entry of this container in `members`.
        let membersStart: Int
        /// Length of `keyPath` when the container opened.
        let pathDepth: Int
        var count = 0
        var hasDeferred = false
    }

    /// A member of an open object (`"key":value` at `start..<end`), or a deferred child of an array.
    struct Member {
        /// The key when writing it needed escapes; `nil` when the bytes between its quotes are its UTF-8.
        let escapedKey: String?
        let start: Int
        let valueStart: Int
        var end: Int
        let child: EncoderState?
    }

    // `@exclusivity(unchecked)`: these are touched on every value written, and the runtime's dynamic exclusivity
    // checks cost about a fifth of an encode. The state is used by one thread for one `encode` call, and no
    // access to a property overlaps another access to the same property (the writer's closures read only
    // `keyPath`/`basePath`).
    @exclusivity(unchecked) var writer: JSONWriter
    @exclusivity(unchecked) var frames: [Frame] = []
    @exclusivity(unchecked) var members: [Member] = []
    /// Keys of the values being encoded below the top level (for `codingPath`).
    @exclusivity(unchecked) var keyPath: [any CodingKey] = []
    /// The path of this state's top level (non-empty for nested-container children).
    let basePath: [any CodingKey]
    let maxDepth: Int
    let userInfo: [CodingUserInfoKey: Any]
    @exclusivity(unchecked) private var scratch: [UInt8] = []

    init(maxDepth: Int, userInfo: [CodingUserInfoKey: Any], basePath: [any CodingKey] = [], capacity: Int = 256) {
        self.writer = JSONWriter(capacity: capacity)
        self.maxDepth = maxDepth
        self.userInfo = userInfo
        self.basePath = basePath
    }

    var codingPath: [any CodingKey] { basePath + keyPath }

    /// The coding path of the container at `depth`.
    func codingPath(ofFrame depth: Int) -> [any CodingKey] {
        guard depth < frames.count else { return codingPath }
        return basePath + keyPath[0..<frames[depth].pathDepth]
    }

    /// Opens the container of the encoder at `depth`, or returns the one it already opened.
    func openFrame(depth: Int, isObject: Bool) {
        if depth < frames.count {
            precondition(frames[depth].isObject == isObject, "an encoder can only hold one kind of container")
            return
        }
        precondition(depth == frames.count, "container requested from an encoder that is no longer active")
        frames.append(
            Frame(isObject: isObject, open: writer.bytes.count, membersStart: members.count, pathDepth: keyPath.count))
        writer.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
    }

    /// Encodes `value` with an encoder at `depth` (`frames.count == depth`), closing whatever it opened.
    func encodeValue<T: Encodable>(_ value: T, depth: Int) throws {
        // Metadata comparison, then a reinterpretation of `value` as the type just checked (no dynamic cast).
        let type = ObjectIdentifier(T.self)
        if type == ObjectIdentifier(String.self) {
            writer.append(string: unsafeBitCast(value, to: String.self))
            return
        }
        if type == ObjectIdentifier(JSONValue.self) {
            return try writer.append(
                unsafeBitCast(value, to: JSONValue.self), depth: depth, maxDepth: maxDepth, path: { self.codingPath })
        }
        if type == ObjectIdentifier(Int.self) { return writer.append(integer: unsafeBitCast(value, to: Int.self)) }
        if type == ObjectIdentifier(Bool.self) { return writer.append(unsafeBitCast(value, to: Bool.self)) }
        if type == FastPathTypes.jsonObject {
            return try writer.append(
                object: unsafeBitCast(value, to: [String: JSONValue].self), depth: depth, maxDepth: maxDepth,
                path: { self.codingPath })
        }
        if type == ObjectIdentifier(Double.self) { return try encodeDouble(unsafeBitCast(value, to: Double.self)) }
        guard depth < maxDepth else {
            throw JSONErrors.cannotEncode(value, "nesting deeper than \(maxDepth) levels", path: codingPath)
        }
        let before = writer.bytes.count
        try value.encode(to: StreamEncoder(state: self, depth: depth))
        while frames.count > depth { closeFrame() }
        if writer.bytes.count == before {
            // Like JSONEncoder: a value that encodes nothing is an empty object.
            writer.append(UInt8(ascii: "{"))
            writer.append(UInt8(ascii: "}"))
        }
    }

    func encodeDouble(_ value: Double) throws {
        guard writer.append(double: value) else {
            throw JSONErrors.cannotEncode(value, "cannot encode \(value) in JSON", path: codingPath)
        }
    }

    func encodeFloat(_ value: Float) throws {
        guard writer.append(float: value) else {
            throw JSONErrors.cannotEncode(value, "cannot encode \(value) in JSON", path: codingPath)
        }
    }

    /// Where to return to if encoding a member fails: output length, member count, and the container's count.
    struct Mark {
        let bytes: Int
        let members: Int
        let frames: Int
        let count: Int
    }

    func mark() -> Mark {
        Mark(
            bytes: writer.bytes.count, members: members.count, frames: frames.count,
            count: frames.last?.count ?? 0)
    }

    /// Undoes a member or element whose value threw, so a caller that catches the error keeps valid output.
    func rollBack(to mark: Mark, depth: Int) {
        if frames.count > mark.frames { frames.removeSubrange(mark.frames...) }
        if members.count > mark.members { members.removeSubrange(mark.members...) }
        if writer.bytes.count > mark.bytes { writer.bytes.removeSubrange(mark.bytes...) }
        if depth < frames.count { frames[depth].count = mark.count }
    }

    /// Closes every open container and returns the text.
    func finish() -> [UInt8] {
        while !frames.isEmpty { closeFrame() }
        if writer.bytes.isEmpty { return [UInt8(ascii: "{"), UInt8(ascii: "}")] }
        return writer.bytes
    }

    /// Closes the innermost container: sorts an object's members, splices in deferred children.
    func closeFrame() {
        let frame = frames.removeLast()
        let entries = members[frame.membersStart...]
        defer { members.removeSubrange(frame.membersStart...) }
        if frame.isObject {
            var sorted = !frame.hasDeferred
            if sorted && entries.count > 1 {
                for index in entries.indices.dropFirst() where compareKeys(entries[index - 1], entries[index]) >= 0 {
                    sorted = false
                    break
                }
            }
            if sorted { return writer.append(UInt8(ascii: "}")) }
            rewriteObject(frame, entries)
        } else {
            if frame.hasDeferred { spliceArray(frame, entries) }
            writer.append(UInt8(ascii: "]"))
        }
    }

    /// Orders two members' keys by their UTF-8 bytes: negative, zero or positive.
    private func compareKeys(_ a: Member, _ b: Member) -> Int {
        if a.escapedKey == nil && b.escapedKey == nil {
            // Plain keys: the bytes between the quotes are the UTF-8.
            var left = a.start + 1
            var right = b.start + 1
            let leftEnd = a.valueStart - 2
            let rightEnd = b.valueStart - 2
            while left < leftEnd && right < rightEnd {
                let difference = Int(writer.bytes[left]) - Int(writer.bytes[right])
                if difference != 0 { return difference }
                left += 1
                right += 1
            }
            return (leftEnd - left) - (rightEnd - right)
        }
        let first = key(of: a)
        let second = key(of: b)
        if first == second { return 0 }
        return first.utf8.lexicographicallyPrecedes(second.utf8) ? -1 : 1
    }

    private func key(of member: Member) -> String {
        member.escapedKey
            ?? String(decoding: writer.bytes[member.start + 1..<member.valueStart - 2], as: UTF8.self)
    }

    /// Rewrites an object's members in key order; of repeated keys the last one written wins.
    private func rewriteObject(_ frame: Frame, _ entries: ArraySlice<Member>) {
        let order = entries.indices.sorted { left, right in
            let order = compareKeys(entries[left], entries[right])
            return order == 0 ? left < right : order < 0
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(UInt8(ascii: "{"))
        var written = 0
        for (position, index) in order.enumerated() {
            if position + 1 < order.count && compareKeys(entries[order[position + 1]], entries[index]) == 0 { continue }
            let entry = entries[index]
            if written > 0 { scratch.append(UInt8(ascii: ",")) }
            written += 1
            scratch.append(contentsOf: writer.bytes[entry.start..<entry.valueStart])
            if let child = entry.child {
                scratch.append(contentsOf: child.finish())
            } else {
                scratch.append(contentsOf: writer.bytes[entry.valueStart..<entry.end])
            }
        }
        scratch.append(UInt8(ascii: "}"))
        writer.bytes.replaceSubrange(frame.open..., with: scratch)
    }

    /// Puts the text of an array's deferred children at their places.
    private func spliceArray(_ frame: Frame, _ entries: ArraySlice<Member>) {
        scratch.removeAll(keepingCapacity: true)
        var copied = frame.open
        for entry in entries {
            scratch.append(contentsOf: writer.bytes[copied..<entry.start])
            if let child = entry.child { scratch.append(contentsOf: child.finish()) }
            copied = entry.start
        }
        scratch.append(contentsOf: writer.bytes[copied...])
        writer.bytes.replaceSubrange(frame.open..., with: scratch)
    }
}
