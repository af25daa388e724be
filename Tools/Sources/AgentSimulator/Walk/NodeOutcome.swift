import ArgoModels

/// How one node ended, as its parent sees it.
struct NodeOutcome: Sendable {
    /// Argo's node name.
    var name: String
    /// The final phase; for a stuck node, the phase it would stay in.
    var phase: NodePhase
    var message: String? = nil
    var outputs: Outputs? = nil
    /// The node would never finish in Argo (a plugin that stops requeueing, a reference that never resolves),
    /// so neither would anything waiting for it.
    var stuck = false
    /// The simulator did not run the template (a container, say): it is assumed to succeed, outputs unknown.
    var notSimulated = false

    /// Argo's `Completed()`: succeeded, failed or errored (a skipped or omitted node is not completed).
    var completed: Bool { phase == .succeeded || failedOrError }
    var failedOrError: Bool { phase == .failed || phase == .error }

    static func error(_ name: String, _ message: String) -> NodeOutcome {
        NodeOutcome(name: name, phase: .error, message: message)
    }
}

/// A node's place in the report: its parent's path plus its position among the parent's children, so the
/// report lists a tree in a stable order however the concurrent branches interleave.
typealias NodePath = [Int]

/// Where a template is called from.
struct CallSite: Sendable {
    /// Where template names resolve.
    var context: TemplateContext
    /// Nesting depth, for Argo's recursion limit.
    var depth = 0
    /// Told the node's phase when it starts, whenever the agent reports it, and when it ends: lifecycle hooks
    /// of the step or task that called it evaluate their expressions then, as Argo's passes do.
    var observer: (@Sendable (NodePhase) async -> Void)? = nil
    /// `steps` or `tasks`, and the step's or task's name, for `{{steps.name}}` and `{{tasks.name}}`.
    var caller: (kind: String, name: String)? = nil
}
