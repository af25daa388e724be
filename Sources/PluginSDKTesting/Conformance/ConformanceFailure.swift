/// Thrown by ``PluginConformance/check(_:samples:transports:configuration:)`` when the plugin breaks Argo's
/// contract. Its description lists every failed check with what was expected and what the plugin answered, so a
/// Swift Testing or XCTest failure reads as a to-do list.
public struct ConformanceFailure: Error, CustomStringConvertible, Sendable {
    /// The whole report, passed checks included.
    public var report: ConformanceReport

    /// Creates the error from a report with failures.
    public init(report: ConformanceReport) {
        self.report = report
    }

    /// `plugin breaks Argo's plugin contract in N checks:` followed by one line per failed check.
    public var description: String {
        let failures = report.failures
        var lines = ["plugin breaks Argo's plugin contract in \(failures.count) check(s):"]
        lines += failures.map { "  ✘ [\($0.transport)] \($0.name): \($0.detail ?? "failed")" }
        lines += report.notes.map { "  note: \($0)" }
        return lines.joined(separator: "\n")
    }
}
