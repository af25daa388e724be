/// Strings and numbers for `JSONScanner` (same unsafe-buffer rules as `JSONScanner.swift`).
extension JSONScanner {
    /// Scans the string whose opening quote is at `quote`; returns the position after the closing quote.
    ///
    /// Plain ASCII is skipped eight bytes at a time, straight to the first byte that needs a look (a quote, a
    /// backslash, a control character or a byte over 0x7F); escapes and multi-byte UTF-8 are checked one by one.
    @inline(__always)
    mutating func scanString(_ input: UnsafeBufferPointer<UInt8>, _ quote: Int) throws -> Int {
        let count = input.count
        let start = quote + 1
        var position = start
        var escaped = false
        var nonASCII = false
        while true {
            while position + 8 <= count {
                let word = UnsafeRawPointer(input.baseAddress! + position).loadUnaligned(as: UInt64.self)
                let attention = Self.attention(word)
                if attention != 0 {
                    position += attention.trailingZeroBitCount >> 3
                    break
                }
                position += 8
            }
            guard position < count else {
                throw JSONErrors.syntax("unterminated string starting", at: quote)
            }
            let byte = input[position]
            if byte == UInt8(ascii: "\"") {
                break
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
                position = try scanEscape(input, position)
            } else if byte < 0x20 {
                throw JSONErrors.syntax(
                    "control character U+00\(JSONErrors.hex(byte)) must be escaped in a string", at: position)
            } else if byte < 0x80 {
                position += 1
            } else {
                nonASCII = true
                position = try scanMultiByte(input, position)
            }
        }
        append(
            escaped ? .escapedString : .string, start: start, length: position - start,
            flags: nonASCII ? JSONToken.nonASCII : 0)
        return position + 1
    }

    /// The high bit of each of the eight bytes that is a quote, a backslash, a control character or over 0x7F. Bits
    /// above the lowest one may be false positives (borrows of the subtractions); the lowest one never is, and no
    /// such byte is missed.
    @inline(__always)
    static func attention(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let hasQuote = (quotes &- ones) & ~quotes
        let hasBackslash = (backslashes &- ones) & ~backslashes
        let hasControl = (word &- (ones &* 0x20)) & ~word
        return (hasQuote | hasBackslash | hasControl | word) & highs
    }

    /// Checks the escape at `position` (a backslash); returns the position after it.
    private func scanEscape(_ input: UnsafeBufferPointer<UInt8>, _ position: Int) throws -> Int {
        guard position + 1 < input.count else { throw endOfInput(input.count) }
        switch input[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return position + 2
        case UInt8(ascii: "u"):
            let unit = try hexUnit(input, position)
            if unit >= 0xDC00 && unit <= 0xDFFF {
                throw JSONErrors.syntax("lone low surrogate \\u\(String(unit, radix: 16)) in string", at: position)
            }
            guard unit >= 0xD800 && unit <= 0xDBFF else { return position + 6 }
            guard position + 7 < input.count, input[position + 6] == UInt8(ascii: "\\"),
                input[position + 7] == UInt8(ascii: "u")
            else {
                throw JSONErrors.syntax(
                    "high surrogate \\u\(String(unit, radix: 16)) not followed by a low surrogate", at: position)
            }
            let low = try hexUnit(input, position + 6)
            guard low >= 0xDC00 && low <= 0xDFFF else {
                throw JSONErrors.syntax(
                    "high surrogate \\u\(String(unit, radix: 16)) not followed by a low surrogate", at: position)
            }
            return position + 12
        default:
            throw JSONErrors.syntax(
                "invalid escape '\\' followed by \(JSONErrors.describe(input[position + 1]))", at: position)
        }
    }

    /// The four hex digits after `\u` at `position`.
    private func hexUnit(_ input: UnsafeBufferPointer<UInt8>, _ position: Int) throws -> UInt16 {
        var unit: UInt16 = 0
        for offset in position + 2..<position + 6 {
            guard offset < input.count else { throw endOfInput(input.count) }
            guard let digit = JSONBytes.hexValue(input[offset]) else {
                throw JSONErrors.syntax("invalid \\u escape, expected 4 hex digits,", at: offset)
            }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    /// Checks one multi-byte UTF-8 sequence starting at `position`; returns the position after it.
    private func scanMultiByte(_ input: UnsafeBufferPointer<UInt8>, _ position: Int) throws -> Int {
        let lead = input[position]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw JSONErrors.syntax("invalid UTF-8 byte 0x\(JSONErrors.hex(lead))", at: position)
        }
        guard position + length <= input.count else {
            throw JSONErrors.syntax("truncated UTF-8 sequence", at: position)
        }
        let second = input[position + 1]
        guard second >= low && second <= high else {
            throw JSONErrors.syntax("invalid UTF-8 sequence", at: position)
        }
        for offset in 2..<max(length, 2) where input[position + offset] & 0xC0 != 0x80 {
            throw JSONErrors.syntax("invalid UTF-8 sequence", at: position)
        }
        return position + length
    }

    /// Scans a number starting at `start` (a `-` or digit); returns the position after it.
    mutating func scanNumber(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) throws -> Int {
        let count = input.count
        var position = start
        if input[position] == UInt8(ascii: "-") { position += 1 }
        func digits() -> Int {
            let first = position
            while position < count && input[position] &- UInt8(ascii: "0") < 10 { position += 1 }
            return position - first
        }
        guard position < count else { throw endOfInput(count) }
        if input[position] == UInt8(ascii: "0") {
            position += 1
            if position < count && input[position] &- UInt8(ascii: "0") < 10 {
                throw JSONErrors.syntax("leading zero in number", at: start)
            }
        } else if digits() == 0 {
            throw JSONErrors.unexpected(input[position], at: position, expecting: "a digit")
        }
        let integerDigits = position - start
        var isFloat = false
        var bigExponent = false
        if position < count && input[position] == UInt8(ascii: ".") {
            isFloat = true
            position += 1
            guard digits() > 0 else { throw numberError(input, position, "a digit after '.'") }
        }
        if position < count && input[position] | 0x20 == UInt8(ascii: "e") {
            isFloat = true
            position += 1
            if position < count && (input[position] == UInt8(ascii: "+") || input[position] == UInt8(ascii: "-")) {
                position += 1
            }
            while position < count && input[position] == UInt8(ascii: "0") { position += 1 }
            let significant = digits()
            bigExponent = significant >= 3
            if significant == 0 && input[position - 1] != UInt8(ascii: "0") {
                throw numberError(input, position, "a digit in the exponent")
            }
        }
        // Only numbers that could overflow a Double are converted now; the rest wait for a decoder.
        if bigExponent || integerDigits > 300 {
            let value = JSONBytes.double(input, start: start, length: position - start)
            guard value.isFinite else {
                throw JSONErrors.syntax("number out of range (overflows a 64-bit float)", at: start)
            }
        }
        append(isFloat ? .float : .integer, start: start, length: position - start)
        return position
    }

    private func numberError(_ input: UnsafeBufferPointer<UInt8>, _ position: Int, _ expected: String) -> DecodingError {
        guard position < input.count else { return endOfInput(input.count) }
        return JSONErrors.unexpected(input[position], at: position, expecting: expected)
    }
}
