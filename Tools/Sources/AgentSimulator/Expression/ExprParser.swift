/// expr-lang's grammar as far as Argo's expressions use it: `?:` lowest, then `||`/`or` (10), `&&`/`and` (15),
/// comparisons and `in`/`matches`/`contains`/`startsWith`/`endsWith` (20), `+` `-` (30), `*` `/` `%` (60),
/// `**` `^` (100, right-associative), `??` (500); unary `!`/`not` (50) and `-` (90); then member access (`a.b`,
/// `a?.b`), indexing (`a["b"]`), calls and list literals.
struct ExprParser {
    private let tokens: [ExpressionToken]
    private var position = 0

    static let binary: [String: Int] = [
        "or": 10, "||": 10, "and": 15, "&&": 15,
        "==": 20, "!=": 20, "<": 20, ">": 20, "<=": 20, ">=": 20,
        "in": 20, "matches": 20, "contains": 20, "startsWith": 20, "endsWith": 20,
        "+": 30, "-": 30, "*": 60, "/": 60, "%": 60, "**": 100, "^": 100, "??": 500,
    ]

    static func parse(_ text: String) throws(ExpressionError) -> ExpressionSyntax {
        var parser = ExprParser(tokens: try ExprLexer.tokens(text))
        let syntax = try parser.expression(above: 0)
        guard parser.position == parser.tokens.count else {
            throw ExpressionError(message: "unexpected token \(parser.tokens[parser.position].text)")
        }
        return syntax
    }

    private init(tokens: [ExpressionToken]) {
        self.tokens = tokens
    }

    private var next: ExpressionToken? { position < tokens.count ? tokens[position] : nil }

    private mutating func expect(_ text: String) throws(ExpressionError) {
        guard next?.text == text else { throw ExpressionError(message: "expected \(text)") }
        position += 1
    }

    private mutating func expression(above minimum: Int) throws(ExpressionError) -> ExpressionSyntax {
        var left = try unary()
        while let token = next {
            if token.text == "?", minimum == 0 {
                position += 1
                let then = try expression(above: 0)
                try expect(":")
                left = .conditional(left, then, try expression(above: 0))
                continue
            }
            var symbol = token.text
            if symbol == "not", position + 1 < tokens.count, tokens[position + 1].text == "in" { symbol = "not in" }
            guard let level = Self.binary[symbol == "not in" ? "in" : symbol], level >= max(minimum, 1),
                token.kind != .string, token.kind != .variable
            else { break }
            position += symbol == "not in" ? 2 : 1
            let rightAssociative = symbol == "**" || symbol == "^"
            let right = try expression(above: rightAssociative ? level : level + 1)
            left = .binary(symbol, left, right)
        }
        return left
    }

    private mutating func unary() throws(ExpressionError) -> ExpressionSyntax {
        guard let token = next else { throw ExpressionError(message: "unexpected end of expression") }
        if token.text == "!" || token.text == "not" {
            position += 1
            return .unary("!", try expression(above: 50))
        }
        if token.text == "-" || token.text == "+" {
            position += 1
            return .unary(token.text, try expression(above: 90))
        }
        return try postfix(try primary())
    }

    private mutating func primary() throws(ExpressionError) -> ExpressionSyntax {
        guard let token = next else { throw ExpressionError(message: "unexpected end of expression") }
        position += 1
        switch token.kind {
        case .numeric: return .literal(.number(token.number))
        case .string: return .literal(.string(token.text))
        case .boolean: return .literal(.bool(token.text == "true"))
        case .null: return .literal(.null)
        case .variable:
            guard next?.text == "(" else { return .name(token.text) }
            position += 1
            return .call(token.text, try elements(until: ")"))
        case .clause:
            let inner = try expression(above: 0)
            try expect(")")
            return inner
        case .bracketOpen: return .list(try elements(until: "]"))
        default: throw ExpressionError(message: "unexpected token \(token.text)")
        }
    }

    private mutating func elements(until close: String) throws(ExpressionError) -> [ExpressionSyntax] {
        var elements: [ExpressionSyntax] = []
        while next?.text != close {
            elements.append(try expression(above: 0))
            if next?.text == "," { position += 1 } else { break }
        }
        try expect(close)
        return elements
    }

    private mutating func postfix(_ base: ExpressionSyntax) throws(ExpressionError) -> ExpressionSyntax {
        var base = base
        while let token = next {
            if token.kind == .dot {
                position += 1
                guard let name = next, name.kind == .variable || name.kind == .comparator || name.kind == .boolean
                else { throw ExpressionError(message: "expected name after \(token.text)") }
                position += 1
                base = .member(base, name.text, optional: token.text == "?.")
            } else if token.kind == .bracketOpen {
                position += 1
                let key = try expression(above: 0)
                try expect("]")
                base = .index(base, key)
            } else {
                break
            }
        }
        return base
    }
}
