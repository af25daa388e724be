import Foundation

/// The outcome of a simulation: every node, and whether Argo would mark the workflow `Succeeded`.
public struct SimulationReport: Sendable {
    /// The workflow's name as simulated.
    public var workflowName: String
    /// The nodes, in the order they ran.
    public var nodes: [SimulatedNode]
    /// Placeholders the simulator could not fill in (e.g. `{{pod.name}}`), sent as written.
    public var unresolved: [String]
    /// Remarks about constructs the simulator does not evaluate (`when`, `withParam`, `templateRef`, ...).
    public var remarks: [String]

    /// Whether every node succeeded (or was skipped, or is a non-plugin node assumed to succeed).
    public var succeeded: Bool { nodes.allSatisfy(\.succeeded) }

    /// The final table: node, template, phase, message and outputs, with hints and remarks below.
    public var table: String {
        let header = ["NODE", "TEMPLATE", "PHASE", "MESSAGE", "OUTPUTS"]
        let rows = nodes.map { node -> [String] in
            let phase: String
            switch node.kind {
            case .notSimulated: phase = "(not run)"
            default: phase = node.stuck ? "\(node.phase?.rawValue ?? "?") (stuck)" : node.phase?.rawValue ?? "(none)"
            }
            let message = node.message.map { $0.count > 60 ? String($0.prefix(57)) + "..." : $0 } ?? ""
            return [node.name, node.template, phase, message.replacingOccurrences(of: "\n", with: " "), node.outputSummary]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [line(header)] + rows.map(line)
        for node in nodes {
            if let hint = node.hint { lines.append("hint: \(node.name): \(hint)") }
        }
        for name in unresolved { lines.append("note: {{\(name)}} was not substituted (unknown to the simulator)") }
        lines += remarks.map { "note: \($0)" }
        let failed = nodes.filter { !$0.succeeded }.map(\.name)
        lines.append(
            succeeded
                ? "workflow \(workflowName) would succeed"
                : "workflow \(workflowName) would fail: \(failed.joined(separator: ", "))")
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
