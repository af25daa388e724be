/// A Boolean expr-lang expression as Argo evaluates it (`argoexpr.EvalBool`): DAG `depends`, lifecycle hook
/// `expression`s, `retryStrategy.expression`.
///
/// ```swift
/// let scope = ["workflow": ExpressionValue.map(["status": .string("Failed")])]
/// try ExprCondition.evaluate(#"workflow.status == "Failed""#, environment: scope)  // true
/// ```
enum ExprCondition {
    static func evaluate(_ text: String, environment: [String: ExpressionValue]) throws(ExpressionError) -> Bool {
        let syntax = try ExprParser.parse(text)
        let result: ExpressionValue
        do throws(ExpressionError) {
            result = try ExprEvaluator(environment: environment).evaluate(syntax)
        } catch {
            if error.unsupported { throw error }
            throw ExpressionError(message: "unable to evaluate expression '\(text)': \(error.message)")
        }
        guard case .bool(let flag) = result else {
            throw ExpressionError(message: "unable to cast expression result '\(result.goDescription)' to bool")
        }
        return flag
    }

    /// The value of an expression tag `{{=...}}`.
    static func value(_ text: String, environment: [String: ExpressionValue]) throws(ExpressionError) -> ExpressionValue {
        try ExprEvaluator(environment: environment).evaluate(try ExprParser.parse(text))
    }

    /// Flat dotted keys (`steps.a.status`) as the nested maps expr looks them up in, like Argo's `expand.Expand`.
    /// When a key is both a value and a prefix of others, the map of the longer keys wins.
    static func environment(_ flat: [String: String]) -> [String: ExpressionValue] {
        var root: [String: ExpressionValue] = [:]
        for key in flat.keys.sorted(by: { $0.count < $1.count }) {
            insert(.string(flat[key]!), at: key.split(separator: ".").map(String.init)[...], into: &root)
        }
        return root
    }

    private static func insert(_ value: ExpressionValue, at path: ArraySlice<String>, into map: inout [String: ExpressionValue]) {
        guard let head = path.first else { return }
        if path.count == 1 {
            if case .map = map[head] { return }
            map[head] = value
            return
        }
        var child: [String: ExpressionValue] = [:]
        if case .map(let existing) = map[head] { child = existing }
        insert(value, at: path.dropFirst(), into: &child)
        map[head] = .map(child)
    }
}
