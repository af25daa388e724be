/// A step's or task's `when`, evaluated as Argo's controller does (`shouldExecute` in
/// `workflow/controller/steps.go`), after `{{...}}` substitution.
///
/// ```swift
/// try WhenCondition.evaluate("Succeeded == Succeeded && 5 > 3")  // true
/// try WhenCondition.evaluate("{{x}} == a b")  // throws: two bare words in a row
/// ```
///
/// Argo parses with govaluate, turns every variable token into a string (so `foo != bar` needs no quotes) and
/// requires a Boolean result; its error messages are reproduced, typos included ("expresion").
enum WhenCondition {
    /// Whether the step runs. An empty condition runs.
    static func evaluate(_ when: String) throws(ExpressionError) -> Bool {
        if when.isEmpty { return true }
        let syntax: ExpressionSyntax?
        do throws(ExpressionError) {
            let tokens = try GovaluateLexer.tokens(when)
            syntax = tokens.isEmpty ? nil : try GovaluateParser.parse(tokens)
        } catch {
            if error.unsupported { throw error }
            let hint = error.message.contains("Invalid token")
                ? " (hint: try wrapping the affected expression in quotes (\"))" : ""
            throw ExpressionError(message: "Invalid 'when' expression '\(when)': \(error.message)\(hint)")
        }
        let result: ExpressionValue
        do throws(ExpressionError) {
            result = try syntax.map(GovaluateEvaluator.evaluate) ?? .null
        } catch {
            if error.unsupported { throw error }
            throw ExpressionError(message: "Failed to evaluate 'when' expresion '\(when)': \(error.message)")
        }
        guard case .bool(let proceed) = result else {
            throw ExpressionError(message: "Expected boolean evaluation for '\(when)'. Got \(result.goDescription)")
        }
        return proceed
    }
}
