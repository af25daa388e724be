/// One lexical token of a `when` (govaluate) or `depends`/hook (expr) expression.
struct ExpressionToken: Sendable, Equatable {
    /// govaluate's token kinds, named as govaluate names them in its errors, plus the few expr needs.
    enum Kind: String, Sendable {
        case numeric = "NUMERIC"
        case boolean = "BOOLEAN"
        case string = "STRING"
        case variable = "VARIABLE"
        case accessor = "ACCESSOR"
        case modifier = "MODIFIER"
        case comparator = "COMPARATOR"
        case logical = "LOGICALOP"
        case prefix = "PREFIX"
        case ternary = "TERNARY"
        case separator = "SEPARATOR"
        case clause = "CLAUSE"
        case clauseClose = "CLAUSE_CLOSE"
        /// expr only: `nil`.
        case null = "NIL"
        /// expr only: `.` and `?.` member access.
        case dot = "DOT"
        /// expr only: `[` and `]`.
        case bracketOpen = "BRACKET"
        case bracketClose = "BRACKET_CLOSE"
    }

    var kind: Kind
    /// The symbol, name or string contents.
    var text: String
    /// The value of a numeric token.
    var number: Double = 0

    /// The operand as govaluate prints it in a transition error (`VARIABLE [name]`).
    var goValue: String {
        switch kind {
        case .numeric: return ExpressionValue.goNumber(number)
        case .clause: return "40"  // govaluate stores the rune '(' and prints its code point
        case .clauseClose: return "41"
        default: return text
        }
    }
}
