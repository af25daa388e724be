/// Appends JSON text to a byte buffer: strings, numbers, literals and whole `JSONValue`s.
///
/// Output rules: compact; strings escape only `"`, `\` and control characters (short forms where JSON has them,
/// `\u00XX` otherwise); `/` and non-ASCII are written as they are (UTF-8). Integral doubles below 2^53 print as
/// integers (`1`, not `1.0`), like Go's `encoding/json`; other doubles use Swift's shortest round-trip form.
struct JSONWriter {
    /// The text written so far.
    var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func appendNull() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    mutating func append(_ value: Bool) {
        if value {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        }
    }

    /// Appends the decimal digits of `value`.
    mutating func append<I: FixedWidthInteger>(integer value: I) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let first = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10))
            magnitude /= 10
        } while magnitude != 0
        bytes[first...].reverse()
    }

    /// Appends a finite double; returns `false` (writing nothing) for NaN and infinities, which JSON cannot express.
    mutating func append(double value: Double) -> Bool {
        guard value.isFinite else { return false }
        if value.rounded(.towardZero) == value && value.magnitude < 9_007_199_254_740_992 {
            if value == 0 && value.sign == .minus {
                bytes.append(contentsOf: [UInt8(ascii: "-"), UInt8(ascii: "0")])
            } else {
                append(integer: Int64(value))
            }
        } else {
            appendShortest(value.description)
        }
        return true
    }

    /// Appends Swift's shortest round-trip spelling, without the `.0` it gives integral values below 1e16.
    private mutating func appendShortest(_ description: String) {
        let utf8 = description.utf8
        if utf8.count > 2 && description.hasSuffix(".0") {
            bytes.append(contentsOf: utf8.dropLast(2))
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    /// Appends a finite float in its own shortest form; `false` for NaN and infinities.
    mutating func append(float value: Float) -> Bool {
        guard value.isFinite else { return false }
        if value.rounded(.towardZero) == value && value.magnitude < 16_777_216 {
            return append(double: Double(value))
        }
        appendShortest(value.description)
        return true
    }

    /// Appends `text` as a quoted, escaped JSON string; returns whether anything had to be escaped.
    @discardableResult
    mutating func append(string text: String) -> Bool {
        bytes.append(UInt8(ascii: "\""))
        var escaped = text.utf8.withContiguousStorageIfAvailable { JSONBytes.appendEscaped($0, to: &bytes) }
        if escaped == nil {
            var copy = text
            copy.makeContiguousUTF8()
            escaped = copy.utf8.withContiguousStorageIfAvailable { JSONBytes.appendEscaped($0, to: &bytes) }
        }
        bytes.append(UInt8(ascii: "\""))
        return escaped ?? true
    }

    /// Appends a whole `JSONValue`, object keys sorted by their UTF-8 bytes.
    ///
    /// - Throws: `EncodingError.invalidValue` for a non-finite number or nesting deeper than `maxDepth`.
    mutating func append(_ value: JSONValue, depth: Int = 0, maxDepth: Int, path: () -> [any CodingKey]) throws {
        switch value {
        case .null: appendNull()
        case .bool(let flag): append(flag)
        case .integer(let number): append(integer: number)
        case .number(let number):
            guard append(double: number) else {
                throw JSONErrors.cannotEncode(number, "cannot encode \(number) in JSON", path: path())
            }
        case .string(let text): append(string: text)
        case .array(let elements):
            guard depth < maxDepth else { throw tooDeep(value, maxDepth, path) }
            bytes.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                try append(element, depth: depth + 1, maxDepth: maxDepth, path: path)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            guard depth < maxDepth else { throw tooDeep(value, maxDepth, path) }
            try append(object: members, depth: depth, maxDepth: maxDepth, path: path)
        }
    }

    /// Appends an object of `JSONValue`s, keys sorted.
    mutating func append(
        object members: [String: JSONValue], depth: Int = 0, maxDepth: Int, path: () -> [any CodingKey]
    ) throws {
        bytes.append(UInt8(ascii: "{"))
        let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (position, key) in keys.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            append(string: key)
            bytes.append(UInt8(ascii: ":"))
            try append(members[key]!, depth: depth + 1, maxDepth: maxDepth, path: path)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private func tooDeep(_ value: Any, _ maxDepth: Int, _ path: () -> [any CodingKey]) -> EncodingError {
        JSONErrors.cannotEncode(value, "nesting deeper than \(maxDepth) levels", path: path())
    }
}
