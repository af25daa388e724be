import ArgoModels

extension Walker {
    /// One DAG task, as Argo's `executeDAGTask` once its dependencies allow it: references resolved, `when`
    /// evaluated, a loop expanded into a TaskGroup node whose items all run at once; hooks as for steps.
    func dagTask(_ task: JSONValue, scope: Scope, name: String, path: NodePath, site: CallSite) async -> TaskOutcome {
        let taskName = task["name"]?.stringValue ?? "task"
        let dagName = String(name.dropLast(taskName.count + 1))
        switch await prepare(task, scope: scope, name: taskName, node: name) {
        case .stuck(let message):
            await ledger.update(path) { $0.message = message; $0.stuck = true }
            return TaskOutcome(node: NodeOutcome(name: name, phase: .pending, message: message, stuck: true))
        case .error(let message, _):
            return TaskOutcome(node: await settle(path, .error(name, message)))
        case .notEvaluated(let reason):
            await ledger.note("\(name): not run: \(reason)")
            await ledger.update(path) { $0.kind = .notSimulated; $0.phase = nil; $0.message = "not evaluated: \(reason)" }
            return TaskOutcome(node: NodeOutcome(name: name, phase: .succeeded, notSimulated: true), expanded: [])
        case .ready(let expanded, false):
            let prepared = expanded[0]
            switch prepared.fate {
            case .skip(let message): return TaskOutcome(node: await settle(path, NodeOutcome(name: name, phase: .skipped, message: message)))
            case .error(let message): return TaskOutcome(node: await settle(path, .error(name, message)))
            case .run:
                let child = GroupChild(step: task, prepared: prepared, node: name, path: path)
                return TaskOutcome(node: await runConcurrently([child], kind: "tasks", scope: scope, site: site)[0])
            }
        case .ready(let expanded, true):
            guard !expanded.isEmpty else {
                return TaskOutcome(node: await settle(path, NodeOutcome(name: name, phase: .skipped, message: "Skipped, empty params")))
            }
            await ledger.update(path) { $0.kind = .group; $0.phase = .running }
            var children: [GroupChild] = []
            var settled: [Int: NodeOutcome] = [:]
            for (index, prepared) in expanded.enumerated() {
                let childName = "\(dagName).\(prepared.name)"
                let childPath = await open(childName, template: task["template"]?.stringValue ?? "", under: path)
                switch prepared.fate {
                case .skip(let message):
                    settled[index] = await settle(childPath, NodeOutcome(name: childName, phase: .skipped, message: message))
                case .error(let message):
                    settled[index] = await settle(childPath, .error(childName, message))
                case .run:
                    children.append(GroupChild(step: task, prepared: prepared, node: childName, path: childPath))
                }
            }
            var ran = await runConcurrently(children, kind: "tasks", scope: scope, site: site)[...]
            let all = expanded.indices.map { settled[$0] ?? ran.removeFirst() }
            if all.contains(where: \.stuck) {
                let outcome = NodeOutcome(name: name, phase: .running, stuck: true)
                return TaskOutcome(node: await finish(path, outcome), expanded: all)
            }
            let phase = all.last(where: \.failedOrError)?.phase ?? .succeeded
            return TaskOutcome(node: await finish(path, NodeOutcome(name: name, phase: phase)), expanded: all)
        }
    }
}
