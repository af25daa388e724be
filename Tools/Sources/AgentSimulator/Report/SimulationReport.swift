import Foundation

/// The outcome of a simulation: every node, Argo's verdict on the workflow, and what was not evaluated.
public struct SimulationReport: Sendable {
    /// How the workflow would end in Argo.
    public enum Verdict: Sendable, Equatable {
        /// `Succeeded`.
        case succeeded
        /// `Failed` or `Error` (the phase), with the workflow's message.
        case failed(phase: String, message: String?)
        /// It would never finish: a node Argo would wait for for ever.
        case hangs(String)
        /// Argo would reject it at submit (validation), or it cannot be simulated at all.
        case rejected(String)
    }

    /// The workflow's name as simulated.
    public var workflowName: String
    public var verdict: Verdict
    /// The nodes, parents before children.
    public var nodes: [SimulatedNode]
    /// Placeholders the simulator could not fill in (e.g. `{{pod.name}}`), sent as written.
    public var unresolved: [String]
    /// What the simulator did not evaluate (templates it does not run, fields it does not model, ...).
    public var notEvaluated: [String]
    /// Problems Argo would not report but a plugin author should know (two plugins claiming one template).
    public var warnings: [String] = []
    /// The most plugin rounds that ran at once.
    public var peakConcurrency: Int = 0

    /// Whether Argo would mark the workflow `Succeeded`.
    public var succeeded: Bool { verdict == .succeeded }
    /// Whether something was not evaluated, so a success is only as good as the assumptions named.
    public var partial: Bool { !notEvaluated.isEmpty || !unresolved.isEmpty }

    /// The exit status of `argo-plugin simulate`: 0 would succeed (everything evaluated), 1 would fail or hang,
    /// 2 rejected or unusable, 3 would succeed as far as evaluated but something was not (partial).
    public var exitCode: Int32 {
        switch verdict {
        case .succeeded: return partial ? 3 : 0
        case .failed, .hangs: return 1
        case .rejected: return 2
        }
    }

    /// The last line: the verdict in words.
    public var verdictLine: String {
        switch verdict {
        case .succeeded where partial:
            return "workflow \(workflowName) would succeed as far as simulated, but the run is partial: "
                + "\(notEvaluated.count + unresolved.count) thing(s) not evaluated (see \"not evaluated\" above)"
        case .succeeded:
            return "workflow \(workflowName) would succeed"
        case .failed(let phase, let message):
            let failed = nodes.filter { $0.phase == .failed || $0.phase == .error }.map(\.name)
            let detail = message.map { " (\(phase): \($0))" } ?? " (\(phase))"
            return "workflow \(workflowName) would fail: \(failed.joined(separator: ", "))\(detail)"
        case .hangs(let reason):
            return "workflow \(workflowName) would never finish: \(reason)"
        case .rejected(let reason):
            return "workflow \(workflowName) cannot run: \(reason)"
        }
    }
}
