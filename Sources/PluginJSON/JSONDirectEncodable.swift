/// A type that can write its JSON straight into ``PluginJSONEncoder``'s buffer, skipping the `Encodable` machinery.
///
/// `Encodable` goes through existential containers and generic calls for every member; for the few small types a
/// plugin sends back on every call (Argo's replies) that costs more than the rest of the call. A conforming type
/// writes the same bytes `encode(to:)` would produce under ``PluginJSONEncoder``'s rules (members sorted by key,
/// absent optionals left out), or declines, and the encoder then takes the `Encodable` route for the whole value.
/// Its tests compare both routes byte for byte.
package protocol JSONDirectEncodable: Encodable {
    /// Writes `self` as one JSON value, or returns `false` (leaving the writer where it was is not required: the
    /// encoder discards what was written) when only `encode(to:)` can produce the right output.
    func writeJSON(to writer: inout JSONDirectWriter) -> Bool
}

/// Writes JSON for ``JSONDirectEncodable`` types: objects whose keys the caller writes in sorted order, arrays,
/// strings, integers and booleans, with separators placed automatically.
///
/// It writes into a byte buffer of its own (``JSONOutput``) through a pointer: appending to an `Array` cost a
/// uniqueness and a capacity check per byte and a generic call per key, two thirds of encoding a small reply.
///
/// Pointer code (with the scanner's, `JSONBytes`' and the field table's, the package's only): every write first
/// makes room (`reserve`), so the count never passes the buffer's capacity; the bytes are trivial values, so growing
/// copies them and nothing needs deinitializing. `ReplyDirectEncodingTests` compares the bytes with the `Encodable`
/// route's over generated replies, escapes, long strings and a tiny first buffer included.
package struct JSONDirectWriter {
    /// The buffer, owned by this writer alone: made in `init`, replaced (never shared) when it grows.
    private var output: JSONOutput
    /// `output`'s first byte, its capacity and the bytes written so far.
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    /// Whether the next value or key needs a comma before it (inside an array or object that already has one).
    private var needsSeparator = false

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        output = JSONOutput.make(capacity: self.capacity)
        base = output.withUnsafeMutablePointerToElements { $0 }
    }

    /// The bytes written so far.
    var bytes: [UInt8] {
        withExtendedLifetime(output) { Array(UnsafeBufferPointer(start: base, count: count)) }
    }

    /// Opens an object (as a value: after a key, as an array element, or at the top).
    package mutating func beginObject() {
        separate()
        put(UInt8(ascii: "{"))
        needsSeparator = false
    }

    /// Closes the innermost object.
    package mutating func endObject() {
        put(UInt8(ascii: "}"))
        needsSeparator = true
    }

    /// Opens an array.
    package mutating func beginArray() {
        separate()
        put(UInt8(ascii: "["))
        needsSeparator = false
    }

    /// Closes the innermost array.
    package mutating func endArray() {
        put(UInt8(ascii: "]"))
        needsSeparator = true
    }

    /// Writes a member's key. Keys must be plain ASCII without quotes or backslashes, and an object's keys must
    /// come in ascending byte order, as ``PluginJSONEncoder`` sorts them.
    package mutating func key(_ name: StaticString) {
        separate()
        reserve(name.utf8CodeUnitCount + 3)
        put(UInt8(ascii: "\""))
        name.withUTF8Buffer { put($0) }
        put(UInt8(ascii: "\""))
        put(UInt8(ascii: ":"))
        needsSeparator = false
    }

    /// Writes a string value, escaped as ``PluginJSONEncoder`` escapes strings (`"`, `\` and control characters,
    /// short forms where JSON has them, `\u00xx` otherwise).
    package mutating func string(_ value: String) {
        separate()
        put(UInt8(ascii: "\""))
        var text = value
        text.withUTF8 { utf8 in
            reserve(utf8.count + 1)
            var runStart = 0
            for position in 0..<utf8.count {
                let byte = utf8[position]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                put(UnsafeBufferPointer(rebasing: utf8[runStart..<position]))
                runStart = position + 1
                put(escape: byte)
            }
            put(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        put(UInt8(ascii: "\""))
        needsSeparator = true
    }

    /// Writes `"name":"value"` when `value` is present, nothing when it is `nil` (how `encodeIfPresent` treats an
    /// absent optional).
    package mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// Writes an integer value.
    package mutating func integer(_ value: Int) {
        separate()
        var text = JSONWriter(capacity: 24)
        text.append(integer: value)
        text.bytes.withUnsafeBufferPointer { put($0) }
        needsSeparator = true
    }

    /// Writes `true` or `false`.
    package mutating func bool(_ value: Bool) {
        separate()
        let word: StaticString = value ? "true" : "false"
        word.withUTF8Buffer { put($0) }
        needsSeparator = true
    }

    // MARK: Bytes

    @inline(__always)
    private mutating func separate() {
        if needsSeparator { put(UInt8(ascii: ",")) }
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(extra) }
    }

    /// Moves the bytes to a buffer at least twice as large, with room for `extra` more.
    private mutating func grow(_ extra: Int) {
        var larger = capacity * 2
        while larger < count + extra { larger *= 2 }
        let grown = JSONOutput.make(capacity: larger)
        let newBase = grown.withUnsafeMutablePointerToElements { $0 }
        newBase.initialize(from: base, count: count)
        output = grown
        base = newBase
        capacity = larger
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// The escape for `byte` (a quote, a backslash or a control character), after its backslash.
    private mutating func put(escape byte: UInt8) {
        put(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): put(byte)
        case 0x0A: put(UInt8(ascii: "n"))
        case 0x0D: put(UInt8(ascii: "r"))
        case 0x09: put(UInt8(ascii: "t"))
        case 0x08: put(UInt8(ascii: "b"))
        case 0x0C: put(UInt8(ascii: "f"))
        default:
            let digits: StaticString = "0123456789abcdef"
            put(UInt8(ascii: "u"))
            put(UInt8(ascii: "0"))
            put(UInt8(ascii: "0"))
            put(digits.utf8Start[Int(byte >> 4)])
            put(digits.utf8Start[Int(byte & 0x0F)])
        }
    }
}

/// The heap block a ``JSONDirectWriter`` writes into (it keeps the pointer, the count and the capacity itself).
final class JSONOutput: ManagedBuffer<Void, UInt8> {
    /// A block with room for at least `capacity` bytes.
    static func make(capacity: Int) -> JSONOutput {
        create(minimumCapacity: capacity) { _ in } as! JSONOutput
    }
}
