import Foundation

/// Every check `conform` ran against one plugin, and notes that do not fail it.
public struct ConformReport: Sendable, Codable {
    /// The plugin's base URL.
    public var url: String
    /// `executor` or `controller`.
    public var kind: String
    /// The checks, in the order they ran.
    public var checks: [ConformCheck] = []
    /// Observations that break no rule, e.g. members of a reply that Argo ignores.
    public var notes: [String] = []

    /// Whether every check passed.
    public var passed: Bool { checks.allSatisfy(\.passed) }

    /// The checks that failed.
    public var failures: [ConformCheck] { checks.filter { !$0.passed } }

    /// Creates an empty report.
    public init(url: String, kind: String) {
        self.url = url
        self.kind = kind
    }

    /// One line per check (`PASS`/`FAIL`, the id, the requirement); under each failure why, what was sent and what
    /// was received; then the notes and a summary line.
    public var text: String {
        var lines = ["argo-plugin conform \(url) (\(kind) plugin)", ""]
        for check in checks {
            lines.append("\(check.passed ? "PASS" : "FAIL")  \(check.id): \(check.name)")
            guard !check.passed else { continue }
            if let problem = check.problem { lines.append("      why:      \(problem)") }
            if let sent = check.sent { lines.append("      sent:     \(sent)") }
            if let received = check.received { lines.append("      received: \(received)") }
        }
        if !notes.isEmpty { lines.append("") }
        lines += notes.map { "note: \($0)" }
        let failed = failures.count
        lines.append("")
        lines.append(
            failed == 0
                ? "all \(checks.count) checks passed: the plugin follows Argo's plugin contract as far as conform can see"
                : "\(failed) of \(checks.count) checks failed")
        return lines.joined(separator: "\n")
    }

    /// The report as one JSON object: `url`, `kind`, `passed`, `checks` (each with `id`, `name`, `passed`,
    /// `problem`, `sent`, `received`), `notes`.
    public var json: String {
        struct Document: Encodable {
            var url: String
            var kind: String
            var passed: Bool
            var checks: [ConformCheck]
            var notes: [String]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(url: url, kind: kind, passed: passed, checks: checks, notes: notes)
        return (try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    mutating func add(_ check: ConformCheck) {
        checks.append(check)
    }
}
