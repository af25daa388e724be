/// Go's duration text syntax: `time.ParseDuration` and `Duration.String()`, written from their documented rules.
enum GoDurationFormat {
    // MARK: Formatting

    /// Writes `nanoseconds` as Go's `Duration.String()` does.
    ///
    /// Under one second the largest fitting sub-second unit is used with a fraction (`"1.5ms"`, `"2µs"`, `"5ns"`);
    /// from one second up the form is `[<h>h][<m>m]<s>[.<frac>]s`, with zero hours and minutes shown once a
    /// larger unit is present (`"1h0m0s"`). Fractions never have trailing zeros.
    static func format(_ nanoseconds: Int64) -> String {
        if nanoseconds == 0 { return "0s" }
        let negative = nanoseconds < 0
        let magnitude = nanoseconds.magnitude  // UInt64, correct for Int64.min
        var text: String
        if magnitude < 1_000_000_000 {
            if magnitude < 1_000 {
                text = "\(magnitude)ns"
            } else if magnitude < 1_000_000 {
                text = fixed(magnitude, decimals: 3) + "µs"
            } else {
                text = fixed(magnitude, decimals: 6) + "ms"
            }
        } else {
            let seconds = magnitude % 60_000_000_000
            let totalMinutes = magnitude / 60_000_000_000
            text = fixed(seconds, decimals: 9) + "s"
            if totalMinutes > 0 {
                text = "\(totalMinutes % 60)m" + text
                let hours = totalMinutes / 60
                if hours > 0 { text = "\(hours)h" + text }
            }
        }
        return negative ? "-" + text : text
    }

    /// `value / 10^decimals` with the fraction's trailing zeros (and a bare point) removed.
    private static func fixed(_ value: UInt64, decimals: Int) -> String {
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let whole = value / scale
        var fraction = value % scale
        guard fraction != 0 else { return String(whole) }
        var width = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        let digits = String(fraction)
        return "\(whole)." + String(repeating: "0", count: width - digits.count) + digits
    }

    // MARK: Parsing

    /// Nanoseconds per unit, by the unit's spelling. Both micro signs Go accepts are listed.
    private static let units: [Substring: UInt64] = [
        "ns": 1,
        "us": 1_000,
        "\u{00B5}s": 1_000,  // µ MICRO SIGN
        "\u{03BC}s": 1_000,  // μ GREEK SMALL LETTER MU
        "ms": 1_000_000,
        "s": 1_000_000_000,
        "m": 60_000_000_000,
        "h": 3_600_000_000_000,
    ]

    /// Parses `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, or the special `"0"`, into nanoseconds, as `time.ParseDuration`.
    static func parse(_ text: String) throws(GoDurationParseError) -> Int64 {
        func fail(_ reason: String) -> GoDurationParseError { GoDurationParseError(input: text, reason: reason) }
        var rest = Substring(text)
        var negative = false
        if let first = rest.first, first == "-" || first == "+" {
            negative = first == "-"
            rest = rest.dropFirst()
        }
        if rest == "0" { return 0 }
        if rest.isEmpty { throw fail("empty") }

        var total: UInt64 = 0
        while !rest.isEmpty {
            // Integer part.
            let integerDigits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            rest = rest.dropFirst(integerDigits.count)
            guard let whole = accumulate(integerDigits) else { throw fail("number too large") }
            // Fraction part: only its value matters; digits beyond what fits are dropped, as Go does.
            var fraction: UInt64 = 0
            var fractionScale: Double = 1
            var fractionDigitCount = 0
            if rest.first == "." {
                rest = rest.dropFirst()
                let fractionDigits = rest.prefix(while: { $0.isASCII && $0.isNumber })
                rest = rest.dropFirst(fractionDigits.count)
                fractionDigitCount = fractionDigits.count
                var overflowed = false
                for digit in fractionDigits.utf8 {
                    if overflowed { continue }
                    let (times10, o1) = fraction.multipliedReportingOverflow(by: 10)
                    let (next, o2) = times10.addingReportingOverflow(UInt64(digit - 48))
                    if o1 || o2 || next > 1 << 63 {
                        overflowed = true
                        continue
                    }
                    fraction = next
                    fractionScale *= 10
                }
            }
            if integerDigits.isEmpty && fractionDigitCount == 0 { throw fail("expected a number") }
            // Unit.
            let unitText = rest.prefix(while: { $0 != "." && !($0.isASCII && $0.isNumber) })
            rest = rest.dropFirst(unitText.count)
            if unitText.isEmpty { throw fail("missing unit") }
            guard let unit = units[unitText] else { throw fail("unknown unit \"\(unitText)\"") }

            let (wholeNanos, o1) = whole.multipliedReportingOverflow(by: unit)
            if o1 || wholeNanos > 1 << 63 { throw fail("out of range") }
            var component = wholeNanos
            if fraction > 0 {
                let fractionNanos = UInt64(Double(fraction) * (Double(unit) / fractionScale))
                let (sum, o2) = component.addingReportingOverflow(fractionNanos)
                if o2 || sum > 1 << 63 { throw fail("out of range") }
                component = sum
            }
            let (sum, o3) = total.addingReportingOverflow(component)
            if o3 || sum > 1 << 63 { throw fail("out of range") }
            total = sum
        }
        if negative {
            return total == 1 << 63 ? .min : -Int64(total)
        }
        if total > UInt64(Int64.max) { throw fail("out of range") }
        return Int64(total)
    }

    /// The decimal value of `digits`, or `nil` when it does not fit in 63 bits.
    private static func accumulate(_ digits: Substring) -> UInt64? {
        var value: UInt64 = 0
        for digit in digits.utf8 {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(UInt64(digit - 48))
            if o1 || o2 || next > 1 << 63 { return nil }
            value = next
        }
        return value
    }
}
