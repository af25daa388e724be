/// The outcome of ``PluginConformance/check(_:samples:transports:configuration:)``: every check that ran, on
/// every transport, and notes that do not fail the suite.
public struct ConformanceReport: Sendable, CustomStringConvertible {
    /// One check on one transport.
    public struct Check: Sendable, CustomStringConvertible {
        /// What was checked, e.g. `a wrong token is refused with 403`.
        public var name: String
        /// The transport it ran on.
        public var transport: PluginTestClient.Transport
        /// Whether the plugin behaved as Argo's contract requires.
        public var passed: Bool
        /// What happened, when the check failed (expected vs. got).
        public var detail: String?

        /// `✔ [live] name` or `✘ [live] name: detail`.
        public var description: String {
            passed ? "✔ [\(transport)] \(name)" : "✘ [\(transport)] \(name): \(detail ?? "failed")"
        }
    }

    /// Every check, in the order it ran.
    public var checks: [Check] = []
    /// Observations that do not break the contract, e.g. a reply the SDK had to correct.
    public var notes: [String] = []

    /// The checks that failed.
    public var failures: [Check] { checks.filter { !$0.passed } }

    /// Whether every check passed.
    public var passed: Bool { failures.isEmpty }

    /// One line per check, then the notes.
    public var description: String {
        (checks.map(\.description) + notes.map { "note: \($0)" }).joined(separator: "\n")
    }

    mutating func record(_ name: String, _ transport: PluginTestClient.Transport, failure: String?) {
        checks.append(Check(name: name, transport: transport, passed: failure == nil, detail: failure))
    }
}
