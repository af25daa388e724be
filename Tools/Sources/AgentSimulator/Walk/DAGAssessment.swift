import ArgoModels

/// Argo's `assessDAGPhase`, once no task is running.
///
/// Each task's "branch phase" is found by walking the DAG from its root tasks: a completed node (succeeded,
/// failed, errored) sets the branch phase, a skipped or omitted one inherits its parents' (a failed one winning).
/// The DAG fails with the phase of a target whose branch failed, unless that target has `continueOn` for it;
/// with `failFast` (the default) the first such target decides, without it the last. Argo's walk also passes
/// through the inner nodes of nested steps and DAGs; this one stays at the level of the DAG's own tasks.
enum DAGAssessment {
    private enum Key: Hashable {
        case task(String)
        case child(String, Int)
    }

    /// The DAG's phase, or nil when a target never got a node (Argo would keep the DAG running).
    static func phase(
        outcomes: [String: TaskOutcome], logic: DependsLogic, targets: [String], failFast: Bool,
        continuesOn: (String, NodePhase) -> Bool
    ) -> NodePhase? {
        var dependents: [String: [String]] = [:]
        for (task, dependencies) in logic.dependencies.sorted(by: { $0.key < $1.key }) where outcomes[task] != nil {
            for dependency in dependencies { dependents[dependency, default: []].append(task) }
        }
        let roots = outcomes.keys.sorted().filter { (logic.dependencies[$0] ?? []).isEmpty }
        var queue = roots.map { (Key.task($0), NodePhase.succeeded) }
        var seen = Set(queue.map { "\($0.0)-\($0.1.rawValue)" })
        var targetPhases: [String: NodePhase] = [:]
        func push(_ key: Key, _ phase: NodePhase) {
            if seen.insert("\(key)-\(phase.rawValue)").inserted { queue.append((key, phase)) }
        }
        while !queue.isEmpty {
            let (key, inherited) = queue.removeFirst()
            switch key {
            case .task(let name):
                guard let outcome = outcomes[name] else { continue }
                let branch = outcome.node.completed ? outcome.node.phase : inherited
                if targets.contains(name), !(targetPhases[name].map { $0 == .failed || $0 == .error } ?? false) {
                    targetPhases[name] = branch
                }
                if let children = outcome.expanded, !children.isEmpty {
                    for index in children.indices { push(.child(name, index), branch) }
                } else {
                    for dependent in dependents[name] ?? [] { push(.task(dependent), branch) }
                }
            case .child(let name, let index):
                let child = outcomes[name]!.expanded![index]
                let branch = child.completed ? child.phase : inherited
                for dependent in dependents[name] ?? [] { push(.task(dependent), branch) }
            }
        }
        var result = NodePhase.succeeded
        for target in targets {
            guard let branch = targetPhases[target] else { return nil }
            guard branch == .failed || branch == .error, !continuesOn(target, branch) else { continue }
            result = branch
            if failFast { break }
        }
        return result
    }
}
