import ArgoModels
import Foundation

/// A DAG's dependency logic, as Argo's `common.GetTaskDependencies` builds it (`workflow/common/ancestry.go`).
///
/// `depends` is kept as written except that a bare task name `A` becomes `(A.Succeeded || A.Skipped ||
/// A.Daemoned)`, plus `|| A.Errored` and `|| A.Failed` when `A` has `continueOn` for them; `dependencies: [A, B]`
/// is the same expansion of each joined with `&&`. Task names are found with Argo's pattern (`name.Result` or
/// a bare `name`), and `-` becomes `_` before evaluation.
struct DependsLogic: Sendable {
    /// Each task's dependencies.
    private(set) var dependencies: [String: [String]] = [:]
    /// Each task's resolved logic; empty for a root task.
    private(set) var logic: [String: String] = [:]

    // Argo's taskNameRegex: `name.Result`, or a bare name.
    static let pattern = try! NSRegularExpression(pattern: #"([a-zA-Z0-9][-a-zA-Z0-9]*?\.[A-Z][a-zA-Z]+)|([a-zA-Z0-9][-a-zA-Z0-9]*)"#)

    init(tasks: [JSONValue]) {
        let byName = Dictionary(tasks.map { ($0["name"]?.stringValue ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        for task in tasks {
            guard let name = task["name"]?.stringValue else { continue }
            var depends = task["depends"]?.stringValue ?? ""
            if depends.isEmpty {
                depends = (task["dependencies"]?.arrayValue ?? []).compactMap(\.stringValue)
                    .map { Self.expand($0, byName[$0]) }.joined(separator: " && ")
                let names = (task["dependencies"]?.arrayValue ?? []).compactMap(\.stringValue)
                dependencies[name] = Array(Set(names)).sorted()
                logic[name] = depends
                continue
            }
            var found: Set<String> = []
            let expanded = NSMutableString(string: depends)
            let text = depends as NSString
            for match in Self.pattern.matches(in: depends, range: NSRange(location: 0, length: text.length)).reversed() {
                if match.range(at: 1).location != NSNotFound {
                    found.insert(String(text.substring(with: match.range(at: 1)).split(separator: ".")[0]))
                } else if match.range(at: 2).location != NSNotFound {
                    let dependency = text.substring(with: match.range(at: 2))
                    found.insert(dependency)
                    expanded.replaceCharacters(in: match.range(at: 2), with: Self.expand(dependency, byName[dependency]))
                }
            }
            dependencies[name] = found.sorted()
            logic[name] = expanded as String
        }
    }

    static func expand(_ name: String, _ task: JSONValue?) -> String {
        var results = ["Succeeded", "Skipped", "Daemoned"]
        if task?["continueOn"]?["error"]?.boolValue == true { results.append("Errored") }
        if task?["continueOn"]?["failed"]?.boolValue == true { results.append("Failed") }
        return "(" + results.map { "\(name).\($0)" }.joined(separator: " || ") + ")"
    }

    /// Whether `task` runs given its dependencies' outcomes (Argo's `evaluateDependsLogic`).
    func shouldRun(_ task: String, given outcomes: [String: TaskOutcome]) throws(ExpressionError) -> Bool {
        let text = logic[task] ?? ""
        guard !text.isEmpty else { return true }
        var environment: [String: ExpressionValue] = [:]
        for dependency in dependencies[task] ?? [] {
            guard let outcome = outcomes[dependency] else { continue }
            let phase = outcome.node.phase
            let children = outcome.expanded ?? []
            environment[dependency.replacingOccurrences(of: "-", with: "_")] = .map([
                "Succeeded": .bool(phase == .succeeded), "Failed": .bool(phase == .failed),
                "Errored": .bool(phase == .error), "Skipped": .bool(phase == .skipped),
                "Omitted": .bool(phase == .omitted), "Daemoned": .bool(false),
                "AnySucceeded": .bool(children.contains { $0.phase == .succeeded }),
                "AllFailed": .bool(!children.isEmpty && children.allSatisfy { $0.phase == .failed }),
            ])
        }
        let evaluated = text.replacingOccurrences(of: "-", with: "_")
        do throws(ExpressionError) {
            return try ExprCondition.evaluate(evaluated, environment: environment)
        } catch {
            throw ExpressionError(message: "unable to evaluate expression '\(evaluated)': \(error.message)", unsupported: error.unsupported)
        }
    }
}

/// A finished DAG task: its node (a TaskGroup node when it expanded) and its expanded children.
struct TaskOutcome: Sendable {
    var node: NodeOutcome
    var expanded: [NodeOutcome]?
}
