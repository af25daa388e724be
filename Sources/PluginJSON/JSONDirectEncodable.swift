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
package struct JSONDirectWriter {
    var writer: JSONWriter
    /// Whether the next value or key needs a comma before it (inside an array or object that already has one).
    private var needsSeparator = false

    init(capacity: Int) {
        writer = JSONWriter(capacity: capacity)
    }

    /// The bytes written so far.
    var bytes: [UInt8] { writer.bytes }

    @inline(__always)
    private mutating func separate() {
        if needsSeparator { writer.append(UInt8(ascii: ",")) }
    }

    /// Opens an object (as a value: after a key, as an array element, or at the top).
    package mutating func beginObject() {
        separate()
        writer.append(UInt8(ascii: "{"))
        needsSeparator = false
    }

    /// Closes the innermost object.
    package mutating func endObject() {
        writer.append(UInt8(ascii: "}"))
        needsSeparator = true
    }

    /// Opens an array.
    package mutating func beginArray() {
        separate()
        writer.append(UInt8(ascii: "["))
        needsSeparator = false
    }

    /// Closes the innermost array.
    package mutating func endArray() {
        writer.append(UInt8(ascii: "]"))
        needsSeparator = true
    }

    /// Writes a member's key. Keys must be plain ASCII without quotes or backslashes, and an object's keys must
    /// come in ascending byte order, as ``PluginJSONEncoder`` sorts them.
    package mutating func key(_ name: StaticString) {
        separate()
        writer.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { writer.bytes.append(contentsOf: $0) }
        writer.append(UInt8(ascii: "\""))
        writer.append(UInt8(ascii: ":"))
        needsSeparator = false
    }

    /// Writes a string value, escaped as ``PluginJSONEncoder`` escapes strings.
    package mutating func string(_ value: String) {
        separate()
        writer.append(string: value)
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
        writer.append(integer: value)
        needsSeparator = true
    }

    /// Writes `true` or `false`.
    package mutating func bool(_ value: Bool) {
        separate()
        writer.append(value)
        needsSeparator = true
    }
}
