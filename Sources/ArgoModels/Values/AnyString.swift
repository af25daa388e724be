/// A string that Argo also accepts as a JSON number or Boolean.
///
/// Argo's `AnyString` (used for parameter `value`, `default`, `description` and `enum`) unmarshals a string,
/// a number or a Boolean and always marshals back to a string. This type does the same: `3` decodes as `"3"`,
/// `1.5` as `"1.5"`, `true` as `"true"`, and every value encodes as a JSON string.
///
/// ```swift
/// let replicas: AnyString = "3"
/// Int(replicas.string)  // 3
/// ```
public struct AnyString: Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The value as text.
    public var string: String

    /// Wraps `string`.
    public init(_ string: String) {
        self.string = string
    }

    /// Creates a value from a string literal.
    public init(stringLiteral value: String) {
        self.string = value
    }

    /// The value as text.
    public var description: String { string }

    /// Decodes a JSON string, number or Boolean. Strings, by far the most common, are tried first.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            string = text
        } else if let integer = try? container.decode(Int64.self) {
            string = String(integer)
        } else if let number = try? container.decode(Double.self) {
            string = AnyString.format(number)
        } else if let flag = try? container.decode(Bool.self) {
            string = flag ? "true" : "false"
        } else {
            throw DecodingError.typeMismatch(
                AnyString.self,
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected a string, number or boolean"
                )
            )
        }
    }

    /// Encodes the value as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(string)
    }

    /// Formats a number as Go's `strconv.FormatFloat(v, 'f', -1, 64)` does: the shortest digits that round-trip,
    /// never in exponent form, without a trailing `.0`.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.description }
        let shortest = value.description  // e.g. "1.5", "100.0", "1e+21", "5e-07"
        var sign = ""
        var text = Substring(shortest)
        if text.hasPrefix("-") {
            sign = "-"
            text = text.dropFirst()
        }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        var integerDigits = String(text)
        var fractionDigits = ""
        if let dot = text.firstIndex(of: ".") {
            integerDigits = String(text[..<dot])
            fractionDigits = String(text[text.index(after: dot)...])
        }
        // Shift the decimal point by the exponent.
        var digits = integerDigits + fractionDigits
        var point = integerDigits.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var whole = String(digits.prefix(point))
        var fraction = String(digits.dropFirst(point))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        while whole.count > 1 && whole.hasPrefix("0") { whole.removeFirst() }
        if whole.isEmpty { whole = "0" }
        if whole == "0" && fraction.isEmpty { sign = "" }
        return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
    }
}
