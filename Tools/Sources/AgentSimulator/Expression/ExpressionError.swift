/// Why an expression could not be evaluated.
///
/// Two kinds: an error Argo itself would raise (the node errors, as in Argo), and a construct this simulator does
/// not evaluate (a function call, a date literal): then the run is reported as partial instead of guessing.
struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message, worded like govaluate's or expr's where Argo would show it.
    var message: String
    /// The simulator, not Argo, cannot evaluate the expression.
    var unsupported: Bool = false

    var description: String { message }

    static func unsupported(_ message: String) -> ExpressionError {
        ExpressionError(message: message, unsupported: true)
    }
}
