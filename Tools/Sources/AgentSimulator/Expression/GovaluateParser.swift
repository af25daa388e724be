/// govaluate's operator precedence, lowest first: `,` then `?` `:` `??`, `||`, `&&`, comparators (`==` `!=` `<` `>`
/// `<=` `>=` `=~` `!~` `in`), bitwise `&` `|` `^`, shifts, `+` `-`, `*` `/` `%`, `**`; prefixes bind tightest.
/// Operators of one level associate to the left, as govaluate's stage reordering makes them.
struct GovaluateParser {
    private let tokens: [ExpressionToken]
    private var position = 0

    static func parse(_ tokens: [ExpressionToken]) throws(ExpressionError) -> ExpressionSyntax {
        var parser = GovaluateParser(tokens: tokens)
        let syntax = try parser.expression(above: 0)
        guard parser.position == tokens.count else {
            throw ExpressionError(message: "Unexpected token \(tokens[parser.position].text)")
        }
        return syntax
    }

    private init(tokens: [ExpressionToken]) {
        self.tokens = tokens
    }

    static func precedence(of token: ExpressionToken) -> Int? {
        switch token.kind {
        case .separator: return 1
        case .ternary: return 2
        case .logical: return token.text == "||" ? 3 : 4
        case .comparator: return 5
        case .modifier:
            switch token.text {
            case "&", "|", "^": return 6
            case "<<", ">>": return 7
            case "+", "-": return 8
            case "*", "/", "%": return 9
            default: return 10
            }
        default: return nil
        }
    }

    private mutating func expression(above minimum: Int) throws(ExpressionError) -> ExpressionSyntax {
        var left = try operand()
        while position < tokens.count, let level = Self.precedence(of: tokens[position]), level >= minimum {
            let symbol = tokens[position].text
            position += 1
            let right = try expression(above: level + 1)
            left = .binary(symbol, left, right)
        }
        return left
    }

    private mutating func operand() throws(ExpressionError) -> ExpressionSyntax {
        guard position < tokens.count else { throw ExpressionError(message: "Unexpected end of expression") }
        let token = tokens[position]
        position += 1
        switch token.kind {
        case .prefix: return .unary(token.text, try operand())
        case .numeric: return .literal(.number(token.number))
        case .string: return .literal(.string(token.text))
        case .boolean: return .literal(.bool(token.text == "true"))
        case .variable: return .name(token.text)
        case .accessor: return .accessor(token.text)
        case .clause:
            let inner = try expression(above: 0)
            guard position < tokens.count, tokens[position].kind == .clauseClose else {
                throw ExpressionError(message: "Unbalanced parenthesis")
            }
            position += 1
            return inner
        default:
            throw ExpressionError(message: "Unable to plan token kind: '\(token.kind.rawValue)', value: '\(token.text)'")
        }
    }
}
