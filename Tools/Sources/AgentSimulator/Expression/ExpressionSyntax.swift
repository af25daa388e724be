/// A parsed expression, for either dialect.
indirect enum ExpressionSyntax: Sendable {
    /// A number, string, Boolean or `nil`.
    case literal(ExpressionValue)
    /// govaluate: a bare word (Argo evaluates it as the string itself); expr: a name looked up in the environment.
    case name(String)
    /// govaluate: a word with a dot (`a.B`), a struct accessor that Argo never supplies.
    case accessor(String)
    /// expr: `base.name` or `base?.name`.
    case member(ExpressionSyntax, String, optional: Bool)
    /// expr: `base[key]`.
    case index(ExpressionSyntax, ExpressionSyntax)
    /// expr: `name(arguments...)`.
    case call(String, [ExpressionSyntax])
    /// expr: `[a, b]`.
    case list([ExpressionSyntax])
    /// `!x`, `-x`, `not x`, `~x`.
    case unary(String, ExpressionSyntax)
    /// `a op b`; govaluate's `?`, `:` and `,` are binary operators too.
    case binary(String, ExpressionSyntax, ExpressionSyntax)
    /// expr: `condition ? then : else`.
    case conditional(ExpressionSyntax, ExpressionSyntax, ExpressionSyntax)
}
