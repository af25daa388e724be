import Foundation

/// Evaluates an expr-lang expression against an environment of nested maps, with expr's semantics: an unknown
/// top-level name is an error, a missing map key is `nil`, `==` compares by value (numbers of any width alike),
/// `and`/`or` need Booleans and short-circuit, `??` falls back on `nil`. Function calls are not evaluated: they
/// throw an ``ExpressionError`` marked unsupported, so the caller can say so instead of guessing.
struct ExprEvaluator {
    let environment: [String: ExpressionValue]

    func evaluate(_ syntax: ExpressionSyntax) throws(ExpressionError) -> ExpressionValue {
        switch syntax {
        case .literal(let value): return value
        case .name(let name):
            guard let value = environment[name] else { throw ExpressionError(message: "unknown name \(name)") }
            return value
        case .accessor(let word): throw .unsupported("the govaluate accessor \(word)")
        case .member(let base, let name, let optional):
            let value = try evaluate(base)
            if case .map(let members) = value { return members[name] ?? .null }
            if value == .null, optional { return .null }
            throw ExpressionError(message: "cannot fetch \(name) from \(value.goDescription)")
        case .index(let base, let key): return try index(try evaluate(base), try evaluate(key))
        case .call(let name, _): throw .unsupported("the function \(name)()")
        case .list(let elements):
            var values: [ExpressionValue] = []
            for element in elements { values.append(try evaluate(element)) }
            return .list(values)
        case .unary(let symbol, let operand):
            let value = try evaluate(operand)
            switch (symbol, value) {
            case ("!", .bool(let flag)): return .bool(!flag)
            case ("-", .number(let number)): return .number(-number)
            case ("+", .number): return value
            default: throw ExpressionError(message: "invalid operation: \(symbol) (mismatched type \(value.typeName))")
            }
        case .conditional(let condition, let then, let otherwise):
            guard case .bool(let flag) = try evaluate(condition) else {
                throw ExpressionError(message: "non-bool expression (type \(try evaluate(condition).typeName)) used as condition")
            }
            return try evaluate(flag ? then : otherwise)
        case .binary(let symbol, let left, let right): return try binary(symbol, left, right)
        }
    }

    func index(_ base: ExpressionValue, _ key: ExpressionValue) throws(ExpressionError) -> ExpressionValue {
        switch (base, key) {
        case (.map(let members), .string(let name)): return members[name] ?? .null
        case (.list(let values), .number(let number)):
            let position = Int(number) < 0 ? values.count + Int(number) : Int(number)
            guard values.indices.contains(position) else {
                throw ExpressionError(message: "index out of range: \(Int(number)) (array length is \(values.count))")
            }
            return values[position]
        default: throw ExpressionError(message: "cannot fetch \(key.goDescription) from \(base.goDescription)")
        }
    }

    func binary(_ symbol: String, _ leftSyntax: ExpressionSyntax, _ rightSyntax: ExpressionSyntax)
        throws(ExpressionError) -> ExpressionValue
    {
        let left = try evaluate(leftSyntax)
        switch symbol {
        case "and", "&&", "or", "||":
            guard case .bool(let a) = left else { throw mismatch(symbol, left, .null) }
            if (symbol == "and" || symbol == "&&") ? !a : a { return .bool(a) }
            let right = try evaluate(rightSyntax)
            guard case .bool(let b) = right else { throw mismatch(symbol, left, right) }
            return .bool(b)
        case "??":
            return left == .null ? try evaluate(rightSyntax) : left
        default: break
        }
        let right = try evaluate(rightSyntax)
        switch (symbol, left, right) {
        case ("==", _, _): return .bool(left == right)
        case ("!=", _, _): return .bool(left != right)
        case ("<", .number(let a), .number(let b)): return .bool(a < b)
        case (">", .number(let a), .number(let b)): return .bool(a > b)
        case ("<=", .number(let a), .number(let b)): return .bool(a <= b)
        case (">=", .number(let a), .number(let b)): return .bool(a >= b)
        case ("<", .string(let a), .string(let b)): return .bool(a < b)
        case (">", .string(let a), .string(let b)): return .bool(a > b)
        case ("<=", .string(let a), .string(let b)): return .bool(a <= b)
        case (">=", .string(let a), .string(let b)): return .bool(a >= b)
        case ("in", _, .list(let values)), ("not in", _, .list(let values)):
            return .bool(values.contains(left) == (symbol == "in"))
        case ("in", .string(let key), .map(let members)), ("not in", .string(let key), .map(let members)):
            return .bool((members[key] != nil) == (symbol == "in"))
        case ("matches", .string(let text), .string(let pattern)):
            return .bool(try GovaluateEvaluator.matches(text, pattern))
        case ("contains", .string(let a), .string(let b)): return .bool(a.contains(b))
        case ("startsWith", .string(let a), .string(let b)): return .bool(a.hasPrefix(b))
        case ("endsWith", .string(let a), .string(let b)): return .bool(a.hasSuffix(b))
        case ("+", .string(let a), .string(let b)): return .string(a + b)
        case (_, .number(let a), .number(let b)):
            switch symbol {
            case "+": return .number(a + b)
            case "-": return .number(a - b)
            case "*": return .number(a * b)
            case "/": return .number(a / b)
            case "%": return .number(fmod(a, b))
            case "**", "^": return .number(pow(a, b))
            default: throw mismatch(symbol, left, right)
            }
        default: throw mismatch(symbol, left, right)
        }
    }

    func mismatch(_ symbol: String, _ left: ExpressionValue, _ right: ExpressionValue) -> ExpressionError {
        ExpressionError(message: "invalid operation: \(symbol) (mismatched types \(left.typeName) and \(right.typeName))")
    }
}
