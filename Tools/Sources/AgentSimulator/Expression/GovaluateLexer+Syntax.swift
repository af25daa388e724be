extension GovaluateLexer {
    typealias Kind = ExpressionToken.Kind

    /// Which kinds may follow which, from govaluate's lexer states; `nil` is the start of the expression.
    static let followers: [Kind?: Set<Kind>] = {
        let operand: Set<Kind> = [.modifier, .comparator, .logical, .clauseClose, .ternary, .separator]
        let start: Set<Kind> = [.prefix, .numeric, .boolean, .variable, .accessor, .string, .clause]
        return [
            nil: start,
            .clause: start.union([.clauseClose]),
            .clauseClose: [.comparator, .modifier, .numeric, .boolean, .variable, .string, .clause, .clauseClose,
                .logical, .ternary, .separator],
            .numeric: operand, .boolean: operand, .string: operand, .variable: operand,
            .accessor: operand.union([.clause]),
            .modifier: [.prefix, .numeric, .variable, .accessor, .string, .boolean, .clause, .clauseClose],
            .comparator: [.prefix, .numeric, .boolean, .variable, .accessor, .string, .clause, .clauseClose],
            .logical: [.prefix, .numeric, .boolean, .variable, .accessor, .string, .clause, .clauseClose],
            .prefix: [.numeric, .boolean, .variable, .accessor, .clause, .clauseClose],
            .ternary: [.prefix, .numeric, .boolean, .string, .variable, .accessor, .clause, .separator],
            .separator: [.prefix, .numeric, .boolean, .string, .variable, .accessor, .clause],
        ]
    }()

    /// Kinds after which the expression may end.
    static let endings: Set<Kind> = [.clauseClose, .numeric, .boolean, .string, .variable, .accessor]

    static func canFollow(_ previous: Kind?, with next: Kind) -> Bool {
        followers[previous]?.contains(next) ?? false
    }

    /// govaluate's `checkBalance` and `checkExpressionSyntax`, with its wording.
    static func checkSyntax(_ tokens: [ExpressionToken]) throws(ExpressionError) {
        var depth = 0
        for token in tokens {
            if token.kind == .clause { depth += 1 }
            if token.kind == .clauseClose { depth -= 1 }
        }
        if depth != 0 { throw ExpressionError(message: "Unbalanced parenthesis") }
        var previous: ExpressionToken?
        for token in tokens {
            guard canFollow(previous?.kind, with: token.kind) else {
                if previous?.kind == .variable, token.kind == .clause {
                    throw ExpressionError(message: "Undefined function \(previous!.text)")
                }
                let from = previous.map { "\($0.kind.rawValue) [\($0.goValue)]" } ?? "UNKNOWN [<nil>]"
                throw ExpressionError(
                    message: "Cannot transition token types from \(from) to \(token.kind.rawValue) [\(token.goValue)]")
            }
            previous = token
        }
        if let last = previous, !endings.contains(last.kind) {
            throw ExpressionError(message: "Unexpected end of expression")
        }
    }
}
