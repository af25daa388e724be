import Foundation

extension SimulationReport {
    /// The final table: node, template, phase, message and outputs, then hints, warnings, what was not evaluated,
    /// and the verdict.
    public var table: String {
        let header = ["NODE", "TEMPLATE", "PHASE", "MESSAGE", "OUTPUTS"]
        let rows = nodes.map { node -> [String] in
            let phase: String
            switch node.kind {
            case .notSimulated: phase = "(not run)"
            default: phase = node.stuck ? "\(node.phase?.rawValue ?? "Pending") (stuck)" : node.phase?.rawValue ?? "(none)"
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
        var lines = nodes.isEmpty ? [] : [line(header)] + rows.map(line)
        for node in nodes {
            if let hint = node.hint { lines.append("hint: \(node.name): \(hint)") }
        }
        lines += warnings.map { "warning: \($0)" }
        for name in unresolved { lines.append("not evaluated: {{\(name)}} was not substituted (unknown to the simulator)") }
        lines += notEvaluated.map { "not evaluated: \($0)" }
        lines.append(verdictLine)
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
