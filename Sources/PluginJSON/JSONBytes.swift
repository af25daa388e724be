/// Conversions from validated input bytes to Swift values, and the string-escaping loop of the writer.
///
/// Unsafe pointers: with `JSONScanner.swift`, `JSONScanner+Scalars.swift`, `JSONTokens.swift` and
/// `JSONFieldTable.swift`, this is the only code that reads or writes through pointers. Every buffer comes from `withUnsafeBufferPointer`,
/// `withContiguousStorageIfAvailable` or `String(unsafeUninitializedCapacity:)` and does not outlive the closure;
/// ranges come from tokens the scanner produced over the same bytes.
enum JSONBytes {
    /// The value of a hex digit, or `nil`.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The bytes `start..<start+length` as a `String` (they are valid UTF-8 without escapes).
    static func string(_ bytes: [UInt8], start: Int, length: Int) -> String {
        bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + length]), as: UTF8.self)
        }
    }

    /// The escaped string content `start..<start+length`, unescaped.
    static func unescapedString(_ bytes: [UInt8], start: Int, length: Int) -> String {
        bytes.withUnsafeBufferPointer { unescape(UnsafeBufferPointer(rebasing: $0[start..<start + length])) }
    }

    /// Unescapes validated string content. The result is never longer than the input, so it is written in place.
    static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: raw.count) { out in
            var read = 0
            var write = 0
            func put(_ byte: UInt8) {
                out[write] = byte
                write += 1
            }
            while read < raw.count {
                let byte = raw[read]
                guard byte == UInt8(ascii: "\\") else {
                    put(byte)
                    read += 1
                    continue
                }
                let kind = raw[read + 1]
                read += 2
                switch kind {
                case UInt8(ascii: "b"): put(0x08)
                case UInt8(ascii: "f"): put(0x0C)
                case UInt8(ascii: "n"): put(0x0A)
                case UInt8(ascii: "r"): put(0x0D)
                case UInt8(ascii: "t"): put(0x09)
                case UInt8(ascii: "u"):
                    var scalar = hexUnit(raw, read)
                    read += 4
                    if scalar >= 0xD800 && scalar <= 0xDBFF {
                        let low = hexUnit(raw, read + 2)
                        read += 6
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    for unit in UTF8.encode(Unicode.Scalar(scalar)!)! { put(unit) }
                default: put(kind)  // " \ /
                }
            }
            return write
        }
    }

    private static func hexUnit(_ raw: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in at..<at + 4 { value = value << 4 | UInt32(hexValue(raw[offset]) ?? 0) }
        return value
    }

    /// Whether the bytes `start..<start+length` equal the UTF-8 of `key`.
    @inline(__always)
    static func equal(_ bytes: [UInt8], start: Int, length: Int, to key: String) -> Bool {
        let utf8 = key.utf8
        return bytes.withUnsafeBufferPointer { input in
            let compared = utf8.withContiguousStorageIfAvailable { keyBytes -> Bool in
                guard keyBytes.count == length else { return false }
                for offset in 0..<length where input[start + offset] != keyBytes[offset] { return false }
                return true
            }
            if let compared { return compared }
            guard utf8.count == length else { return false }
            var offset = start
            for byte in utf8 {
                if input[offset] != byte { return false }
                offset += 1
            }
            return true
        }
    }

    /// Whether `length` bytes of `first` from `firstStart` equal `length` bytes of `second` from `secondStart`,
    /// compared eight at a time (both ranges must lie inside their arrays; this is checked).
    @inline(__always)
    static func equal(_ first: [UInt8], _ firstStart: Int, _ second: [UInt8], _ secondStart: Int, length: Int) -> Bool {
        precondition(
            firstStart >= 0 && secondStart >= 0 && length >= 0 && firstStart + length <= first.count
                && secondStart + length <= second.count, "range out of bounds")
        if length == 0 { return true }
        return first.withUnsafeBufferPointer { a in
            second.withUnsafeBufferPointer { b in
                let left = UnsafeRawPointer(a.baseAddress! + firstStart)
                let right = UnsafeRawPointer(b.baseAddress! + secondStart)
                var offset = 0
                while offset + 8 <= length {
                    if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                        != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    {
                        return false
                    }
                    offset += 8
                }
                while offset < length {
                    let byte = left.load(fromByteOffset: offset, as: UInt8.self)
                    if byte != right.load(fromByteOffset: offset, as: UInt8.self) { return false }
                    offset += 1
                }
                return true
            }
        }
    }

    /// The integer in `start..<start+length` (a validated JSON integer), or `nil` when it does not fit in 64 bits.
    static func int64(_ bytes: [UInt8], start: Int, length: Int) -> Int64? {
        bytes.withUnsafeBufferPointer { input -> Int64? in
            var position = start
            let end = start + length
            let negative = input[position] == UInt8(ascii: "-")
            if negative { position += 1 }
            guard end - position <= 19 else { return nil }
            var magnitude: UInt64 = 0
            while position < end {
                magnitude = magnitude &* 10 &+ UInt64(input[position] &- UInt8(ascii: "0"))
                position += 1
            }
            if negative {
                if magnitude <= UInt64(Int64.max) { return -Int64(magnitude) }
                return magnitude == UInt64(Int64.max) + 1 ? Int64.min : nil
            }
            return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
        }
    }

    /// The non-negative integer in `start..<start+length`, or `nil` when negative or wider than 64 bits.
    static func uint64(_ bytes: [UInt8], start: Int, length: Int) -> UInt64? {
        bytes.withUnsafeBufferPointer { input -> UInt64? in
            guard input[start] != UInt8(ascii: "-"), length <= 20 else { return nil }
            var magnitude: UInt64 = 0
            for position in start..<start + length {
                let (times, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(UInt64(input[position] &- UInt8(ascii: "0")))
                if overflow1 || overflow2 { return nil }
                magnitude = sum
            }
            return magnitude
        }
    }

    /// The number in `start..<start+length` (validated JSON number) as the nearest `Double`; `±infinity` when
    /// out of range.
    static func double(_ bytes: [UInt8], start: Int, length: Int) -> Double {
        bytes.withUnsafeBufferPointer { double($0, start: start, length: length) }
    }

    private static let exactPowers: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// As `double(_:start:length:)`, over a buffer. Up to 15 significant digits and a decimal exponent within ±22
    /// are computed exactly in `Double` arithmetic; anything else goes to the standard library's parser.
    static func double(_ input: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> Double {
        var position = start
        let end = start + length
        let negative = input[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        var mantissa: UInt64 = 0
        var digitCount = 0
        var exponent = 0
        var sawNonZero = false
        while position < end, input[position] &- UInt8(ascii: "0") < 10 {
            let digit = input[position] &- UInt8(ascii: "0")
            if digit != 0 || sawNonZero {
                sawNonZero = true
                digitCount += 1
            }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            position += 1
        }
        if position < end && input[position] == UInt8(ascii: ".") {
            position += 1
            while position < end, input[position] &- UInt8(ascii: "0") < 10 {
                let digit = input[position] &- UInt8(ascii: "0")
                if digit != 0 || sawNonZero {
                    sawNonZero = true
                    digitCount += 1
                }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                exponent -= 1
                position += 1
            }
        }
        var fast = digitCount <= 15
        if fast && position < end {  // exponent part
            position += 1
            var exponentNegative = false
            if input[position] == UInt8(ascii: "-") || input[position] == UInt8(ascii: "+") {
                exponentNegative = input[position] == UInt8(ascii: "-")
                position += 1
            }
            var written = 0
            while position < end {
                written = written * 10 + Int(input[position] &- UInt8(ascii: "0"))
                if written > 1000 {
                    fast = false
                    break
                }
                position += 1
            }
            exponent += exponentNegative ? -written : written
        }
        if fast && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            value = exponent < 0 ? value / exactPowers[-exponent] : value * exactPowers[exponent]
            return negative ? -value : value
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: input[start..<end]), as: UTF8.self)
        return Double(text) ?? .nan
    }

    /// Appends the string content `utf8` to `bytes` with JSON escapes (`"`, `\`, control characters), copying
    /// runs that need none in one go; returns whether anything was escaped.
    static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) -> Bool {
        var runStart = 0
        for position in 0..<utf8.count {
            let byte = utf8[position]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<position]))
            runStart = position + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            default:
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(contentsOf: JSONErrors.hex(byte).lowercased().utf8)
            }
        }
        if runStart == 0 {
            bytes.append(contentsOf: utf8)
            return false
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        return true
    }
}
