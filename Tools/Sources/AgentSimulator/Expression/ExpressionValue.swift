import Foundation

/// A value inside a `when`, `depends` or hook expression: what govaluate and expr-lang compute with.
///
/// Numbers are `Double` (govaluate has no integers; expr's integers compare equal to the same float).
indirect enum ExpressionValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case list([ExpressionValue])
    case map([String: ExpressionValue])

    /// The value as Go's `fmt.Sprintf("%v", value)` prints it, which is how govaluate concatenates and how
    /// Argo's error messages show operands.
    var goDescription: String {
        switch self {
        case .null: return "<nil>"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return Self.goNumber(number)
        case .string(let text): return text
        case .list(let values): return "[" + values.map(\.goDescription).joined(separator: " ") + "]"
        case .map(let members):
            return "map[" + members.keys.sorted().map { "\($0):\(members[$0]!.goDescription)" }.joined(separator: " ") + "]"
        }
    }

    /// `%v` of a float64: integral values without a fraction, large ones in exponent form.
    static func goNumber(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number > 0 ? "+Inf" : "-Inf" }
        if number == number.rounded(), abs(number) < 1e21 { return String(format: "%.0f", number) }
        return "\(number)"
    }

    /// The value as the text a placeholder receives (`{{=...}}` results): strings as is, the rest as JSON.
    var placeholderText: String {
        switch self {
        case .string(let text): return text
        case .null: return "null"
        case .bool, .number: return goDescription
        case .list, .map:
            let data = (try? JSONSerialization.data(withJSONObject: foundationObject, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }

    private var foundationObject: Any {
        switch self {
        case .null: return NSNull()
        case .bool(let flag): return flag
        case .number(let number): return number
        case .string(let text): return text
        case .list(let values): return values.map(\.foundationObject)
        case .map(let members): return members.mapValues(\.foundationObject)
        }
    }

    /// A name for the value's type in error messages.
    var typeName: String {
        switch self {
        case .null: return "nil"
        case .bool: return "bool"
        case .number: return "float64"
        case .string: return "string"
        case .list: return "[]interface {}"
        case .map: return "map[string]interface {}"
        }
    }
}
