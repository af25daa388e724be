import ArgoModels

extension WorkflowWalker {
    func steps(_ template: JSONValue, scope: [String: String], node: String, depth: Int) async -> Outcome {
        var scope = scope
        let index = nodes.count
        record(SimulatedNode(name: node, template: template["name"]?.stringValue ?? "", kind: .group))
        var succeeded = true
        for (groupIndex, group) in (template["steps"]?.arrayValue ?? []).enumerated() where succeeded {
            for step in group.arrayValue ?? [] {
                let stepName = step["name"]?.stringValue ?? "step"
                guard let target = step["template"]?.stringValue else {
                    if step["templateRef"] != nil { remark("\(stepName): templateRef is not followed; the step is skipped") }
                    continue
                }
                for (suffix, items) in expansions(of: step, name: stepName) {
                    let arguments = self.arguments(of: step, scope: scope.merging(items) { $1 })
                    let outcome = await call(
                        template: target, arguments: arguments, node: "\(node)[\(groupIndex)].\(stepName)\(suffix)",
                        depth: depth + 1)
                    succeeded = succeeded && outcome.succeeded
                    for (name, value) in outcome.outputs { scope["steps.\(stepName).outputs.parameters.\(name)"] = value }
                    scope["steps.\(stepName).status"] = outcome.phase.rawValue
                }
            }
        }
        return finishGroup(at: index, succeeded: succeeded)
    }

    func dag(_ template: JSONValue, scope: [String: String], node: String, depth: Int) async -> Outcome {
        var scope = scope
        let index = nodes.count
        record(SimulatedNode(name: node, template: template["name"]?.stringValue ?? "", kind: .group))
        let tasks = template["dag"]?["tasks"]?.arrayValue ?? []
        let names = Set(tasks.compactMap { $0["name"]?.stringValue })
        var finished: [String: Bool] = [:]
        var pending = tasks
        while !pending.isEmpty {
            guard let next = pending.firstIndex(where: { task in
                Self.dependencies(of: task, among: names).allSatisfy { finished[$0] != nil }
            }) else {
                remark("the dag of \(node) has a dependency cycle or unknown dependencies; those tasks did not run")
                return finishGroup(at: index, succeeded: false)
            }
            let task = pending.remove(at: next)
            let taskName = task["name"]?.stringValue ?? "task"
            let blocked = Self.dependencies(of: task, among: names).filter { finished[$0] == false }
            guard blocked.isEmpty else {
                var omitted = SimulatedNode(name: "\(node).\(taskName)", template: task["template"]?.stringValue ?? "", kind: .group, phase: .omitted)
                omitted.message = "omitted: \(blocked.sorted().joined(separator: ", ")) did not succeed"
                record(omitted)
                finished[taskName] = false
                continue
            }
            guard let target = task["template"]?.stringValue else {
                if task["templateRef"] != nil { remark("\(taskName): templateRef is not followed; the task is skipped") }
                finished[taskName] = true
                continue
            }
            var ok = true
            for (suffix, items) in expansions(of: task, name: taskName) {
                let arguments = self.arguments(of: task, scope: scope.merging(items) { $1 })
                let outcome = await call(
                    template: target, arguments: arguments, node: "\(node).\(taskName)\(suffix)", depth: depth + 1)
                ok = ok && outcome.succeeded
                for (name, value) in outcome.outputs { scope["tasks.\(taskName).outputs.parameters.\(name)"] = value }
                scope["tasks.\(taskName).status"] = outcome.phase.rawValue
            }
            finished[taskName] = ok
        }
        return finishGroup(at: index, succeeded: finished.values.allSatisfy { $0 })
    }

    /// Sets the group node's phase from its children's outcome.
    func finishGroup(at index: Int, succeeded: Bool) -> Outcome {
        setPhase(at: index, succeeded ? .succeeded : .failed)
        return Outcome(succeeded: succeeded, phase: succeeded ? .succeeded : .failed)
    }

    /// A task's dependencies: `dependencies`, or the task names that appear in `depends`.
    static func dependencies(of task: JSONValue, among names: Set<String>) -> Set<String> {
        var result = Set((task["dependencies"]?.arrayValue ?? []).compactMap(\.stringValue))
        if let depends = task["depends"]?.stringValue {
            let separators = Set(" ()&|!")
            for token in depends.split(whereSeparator: { separators.contains($0) }) {
                let name = String(token.split(separator: ".").first ?? token)
                if names.contains(name) { result.insert(name) }
            }
        }
        return result
    }
}
