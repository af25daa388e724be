import ArgoModels

/// The values `{{...}}` placeholders resolve to at one point of a workflow, and what is known to be unknown.
struct Scope: Sendable {
    var values: [String: String]
    /// Prefixes (`steps.build.`) of nodes the simulator did not run: their outputs are unknown, and references to
    /// them are left as written and reported, not treated as errors.
    var opaque: Set<String> = []
    /// Outputs a skipped or omitted node did not produce and declares no default for (Argo's absent optionals).
    var absent: Set<String> = []

    init(_ values: [String: String]) {
        self.values = values
    }

    /// What stayed unresolved after a substitution, by cause.
    struct Unresolved: Sendable {
        /// `item` and `item.x`, awaiting loop expansion.
        var items: [String] = []
        /// Outputs of nodes the simulator did not run.
        var opaque: [String] = []
        /// Outputs of skipped or omitted nodes: Argo fails the consumer.
        var absent: [String] = []
        /// `steps.`/`tasks.` references to nothing known: Argo requeues until they resolve, that is forever.
        var missing: [String] = []
        /// Anything else: variables the simulator does not know (`pod.name`, ...), sent as written.
        var other: [String] = []
    }

    func substitute(_ value: JSONValue) -> (JSONValue, Unresolved) {
        var names: Set<String> = []
        let result = Placeholders(values: values).apply(value, unresolved: &names)
        return (result, classify(names))
    }

    func substitute(_ text: String) -> (String, Unresolved) {
        var names: Set<String> = []
        let result = Placeholders(values: values).apply(text, unresolved: &names)
        return (result, classify(names))
    }

    func classify(_ names: Set<String>) -> Unresolved {
        var result = Unresolved()
        for name in names.sorted() {
            if name == "item" || name.hasPrefix("item.") {
                result.items.append(name)
            } else if absent.contains(name) {
                result.absent.append(name)
            } else if opaque.contains(where: { name.hasPrefix($0) }) {
                result.opaque.append(name)
            } else if name.hasPrefix("steps.") || name.hasPrefix("tasks.") {
                result.missing.append(name)
            } else {
                result.other.append(name)
            }
        }
        return result
    }

    /// `{{steps.x.status}}`-style flat values as the nested environment of expr expressions (hooks).
    var expressionEnvironment: [String: ExpressionValue] { ExprCondition.environment(values) }
}
