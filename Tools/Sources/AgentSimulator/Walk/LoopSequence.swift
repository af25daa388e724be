import ArgoModels
import Foundation

/// `withSequence` as Argo's `expandSequence`: `count` or `end` (inclusive), `start` (0), counting down when
/// `start > end`, each number printed with `format` (Go's `fmt`, default `%d`).
enum LoopSequence {
    static func items(_ sequence: JSONValue) throws(ExpressionError) -> [String] {
        let start = try number(sequence["start"]) ?? 0
        let end: Int
        if let last = try number(sequence["end"]) {
            end = last
        } else if let count = try number(sequence["count"]) {
            if count == 0 { return [] }
            end = start + count - 1
        } else {
            throw ExpressionError(message: "neither end nor count was specified in withSequence")
        }
        let format = sequence["format"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "%d"
        let numbers = start <= end ? Array(start...end) : Array((end...start).reversed())
        var items: [String] = []
        for number in numbers { items.append(try goFormat(format, number)) }
        return items
    }

    static func number(_ value: JSONValue?) throws(ExpressionError) -> Int? {
        guard let value, let text = Placeholders.text(value) else { return nil }
        guard let number = Int(text) else {
            throw ExpressionError(message: "strconv.Atoi: parsing \"\(text)\": invalid syntax")
        }
        return number
    }

    /// Go's integer verbs with flags and width (`%d`, `%03d`, `%-4d`, `%x`, `%X`, `%o`, `%b`); other verbs are not
    /// evaluated by the simulator.
    static func goFormat(_ format: String, _ number: Int) throws(ExpressionError) -> String {
        let pattern = #"%([-0+ ]*)(\d*)([dxXob%])"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return format }
        var out = ""
        var cursor = format.startIndex
        for match in regex.matches(in: format, range: NSRange(format.startIndex..., in: format)) {
            guard let whole = Range(match.range, in: format), let flagsRange = Range(match.range(at: 1), in: format),
                let widthRange = Range(match.range(at: 2), in: format), let verbRange = Range(match.range(at: 3), in: format)
            else { continue }
            out += format[cursor..<whole.lowerBound]
            cursor = whole.upperBound
            let verb = format[verbRange]
            if verb == "%" { out += "%"; continue }
            let flags = format[flagsRange]
            var digits = String(abs(number), radix: ["x": 16, "X": 16, "o": 8, "b": 2][verb] ?? 10, uppercase: verb == "X")
            let sign = number < 0 ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : ""
            let width = Int(format[widthRange]) ?? 0
            if flags.contains("0"), !flags.contains("-") {
                digits = String(repeating: "0", count: max(0, width - sign.count - digits.count)) + digits
            }
            let padded = sign + digits
            let fill = String(repeating: " ", count: max(0, width - padded.count))
            out += flags.contains("-") ? padded + fill : fill + padded
        }
        out += format[cursor...]
        if out.contains("%") && !format.contains("%%") {
            throw .unsupported("the withSequence format \(format)")
        }
        return out
    }
}
