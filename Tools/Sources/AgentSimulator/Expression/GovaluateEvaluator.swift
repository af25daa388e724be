import Foundation

/// Evaluates a govaluate expression the way Argo's `when` does: every bare word is the string it spells (Argo
/// turns govaluate's variables into strings), `==` is Go's `reflect.DeepEqual` (so `1 == "1"` is false), `<` and
/// friends need two numbers or two strings, `&&` and `||` need Booleans and short-circuit, `+` adds numbers or
/// concatenates when either side is a string, `=~` matches a regular expression anywhere in the string.
enum GovaluateEvaluator {
    static func evaluate(_ syntax: ExpressionSyntax) throws(ExpressionError) -> ExpressionValue {
        switch syntax {
        case .literal(let value): return value
        case .name(let word): return .string(word)
        case .accessor(let word):
            throw ExpressionError(message: "No parameter '\(word.split(separator: ".").first ?? "")' found.")
        case .unary(let symbol, let operand): return try prefix(symbol, try evaluate(operand))
        case .binary(let symbol, let left, let right): return try binary(symbol, left, right)
        case .member, .index, .call, .list, .conditional:
            throw .unsupported("an expr construct inside a govaluate expression")
        }
    }

    static func prefix(_ symbol: String, _ value: ExpressionValue) throws(ExpressionError) -> ExpressionValue {
        switch (symbol, value) {
        case ("!", .bool(let flag)): return .bool(!flag)
        case ("-", .number(let number)): return .number(-number)
        case ("~", .number(let number)): return .number(Double(~Int64(number)))
        default: throw ExpressionError(message: "Value '\(value.goDescription)' cannot be used with the prefix '\(symbol)'")
        }
    }

    static func binary(_ symbol: String, _ leftSyntax: ExpressionSyntax, _ rightSyntax: ExpressionSyntax)
        throws(ExpressionError) -> ExpressionValue
    {
        let left = try evaluate(leftSyntax)
        switch symbol {
        case "&&" where left == .bool(false): return .bool(false)
        case "||" where left == .bool(true): return .bool(true)
        case "??" where left != .null, ":" where left != .null: return left
        case "?":
            guard case .bool(let flag) = left else { throw typeError(left, symbol, "ternary", "bool") }
            return flag ? try evaluate(rightSyntax) : .null
        default: break
        }
        let right = try evaluate(rightSyntax)
        switch symbol {
        case "==": return .bool(left == right)
        case "!=": return .bool(left != right)
        case "??", ":": return right
        case ",":
            if case .list(let values) = left { return .list(values + [right]) }
            return .list([left, right])
        case "&&", "||":
            guard case .bool(let a) = left else { throw typeError(left, symbol, "logical operator", "bool") }
            guard case .bool(let b) = right else { throw typeError(right, symbol, "logical operator", "bool") }
            return .bool(symbol == "&&" ? a && b : a || b)
        case "<", ">", "<=", ">=": return try compare(symbol, left, right)
        case "=~", "!~":
            guard case .string(let text) = left else { throw typeError(left, symbol, "comparator", "number") }
            guard case .string(let pattern) = right else { throw typeError(right, symbol, "comparator", "number") }
            let found = try matches(text, pattern)
            return .bool(symbol == "=~" ? found : !found)
        case "in":
            guard case .list(let values) = right else { throw typeError(right, symbol, "comparator", "array") }
            return .bool(values.contains(left))
        case "+":
            if case .number(let a) = left, case .number(let b) = right { return .number(a + b) }
            guard left.isString || right.isString else { throw typeError(left, symbol, "modifier", "number") }
            return .string(left.goDescription + right.goDescription)
        default: return try arithmetic(symbol, left, right)
        }
    }

    static func compare(_ symbol: String, _ left: ExpressionValue, _ right: ExpressionValue) throws(ExpressionError)
        -> ExpressionValue
    {
        let order: ComparisonResult
        switch (left, right) {
        case (.number(let a), .number(let b)): order = a < b ? .orderedAscending : a > b ? .orderedDescending : .orderedSame
        case (.string(let a), .string(let b)): order = a < b ? .orderedAscending : a > b ? .orderedDescending : .orderedSame
        default: throw typeError(left, symbol, "comparator", "number")
        }
        switch symbol {
        case "<": return .bool(order == .orderedAscending)
        case ">": return .bool(order == .orderedDescending)
        case "<=": return .bool(order != .orderedDescending)
        default: return .bool(order != .orderedAscending)
        }
    }

    static func arithmetic(_ symbol: String, _ left: ExpressionValue, _ right: ExpressionValue) throws(ExpressionError)
        -> ExpressionValue
    {
        guard case .number(let a) = left else { throw typeError(left, symbol, "modifier", "number") }
        guard case .number(let b) = right else { throw typeError(right, symbol, "modifier", "number") }
        switch symbol {
        case "-": return .number(a - b)
        case "*": return .number(a * b)
        case "/": return .number(a / b)
        case "%": return .number(fmod(a, b))
        case "**": return .number(pow(a, b))
        case "&": return .number(Double(Int64(a) & Int64(b)))
        case "|": return .number(Double(Int64(a) | Int64(b)))
        case "^": return .number(Double(Int64(a) ^ Int64(b)))
        case "<<": return .number(Double(Int64(a) << Int64(b)))
        case ">>": return .number(Double(Int64(a) >> Int64(b)))
        default: throw ExpressionError(message: "Invalid token: '\(symbol)'")
        }
    }

    /// Go's `regexp` finds the pattern anywhere; NSRegularExpression (ICU) stands in for RE2.
    static func matches(_ text: String, _ pattern: String) throws(ExpressionError) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern) else {
            throw ExpressionError(message: "Unable to compile regexp pattern '\(pattern)'")
        }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func typeError(_ value: ExpressionValue, _ symbol: String, _ role: String, _ expected: String)
        -> ExpressionError
    {
        ExpressionError(message: "Value '\(value.goDescription)' cannot be used with the \(role) '\(symbol)', it is not a \(expected)")
    }
}

extension ExpressionValue {
    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}
