import ArgoModels

extension Walker {
    /// A `dag` template, as Argo's `executeDAG`: every task that is an ancestor of a target (`dag.target`, or all
    /// leaf tasks) starts as soon as its dependencies are fulfilled, all such tasks at once; its `depends` logic
    /// then runs it or marks it `Omitted`, which may settle further tasks. The DAG's phase is assessed once
    /// nothing runs (see ``DAGAssessment``). Argo keeps scheduling while any task runs, even with `failFast`
    /// (argo-workflows#10312), and so does the simulator.
    func dag(_ template: JSONValue, scope: Scope, name: String, path: NodePath, site: CallSite) async -> NodeOutcome {
        await ledger.update(path) {
            $0.kind = .group
            $0.phase = .running
        }
        await site.observer?(.running)
        let tasks = template["dag"]?["tasks"]?.arrayValue ?? []
        let logic = DependsLogic(tasks: tasks)
        let targets = dagTargets(template, scope: scope, logic: logic, tasks: tasks)
        let relevant = ancestors(of: targets, logic: logic).union(targets)
        var outcomes: [String: TaskOutcome] = [:]
        var started: Set<String> = []
        var blocked: Set<String> = []
        await withTaskGroup(of: (String, TaskOutcome).self) { group in
            var running = 0
            while true {
                var changed = true
                while changed {
                    changed = false
                    for task in tasks {
                        guard let taskName = task["name"]?.stringValue, relevant.contains(taskName),
                            !started.contains(taskName), !blocked.contains(taskName)
                        else { continue }
                        let dependencies = logic.dependencies[taskName] ?? []
                        if dependencies.contains(where: { blocked.contains($0) || outcomes[$0]?.node.stuck == true }) {
                            blocked.insert(taskName)
                            changed = true
                            continue
                        }
                        guard dependencies.allSatisfy({ outcomes[$0] != nil }) else { continue }
                        started.insert(taskName)
                        changed = true
                        let nodeName = "\(name).\(taskName)"
                        let taskPath = await open(nodeName, template: task["template"]?.stringValue ?? "", under: path)
                        do throws(ExpressionError) {
                            guard try logic.shouldRun(taskName, given: outcomes) else {
                                outcomes[taskName] = TaskOutcome(node: await settle(
                                    taskPath, NodeOutcome(name: nodeName, phase: .omitted, message: "omitted: depends condition not met")))
                                continue
                            }
                        } catch {
                            if error.unsupported { await ledger.note("\(nodeName): depends not evaluated: \(error.message)") }
                            outcomes[taskName] = TaskOutcome(node: await settle(taskPath, .error(nodeName, error.message)))
                            continue
                        }
                        let taskScope = dagScope(scope, for: taskName, logic: logic, outcomes: outcomes, tasks: tasks, site: site)
                        running += 1
                        group.addTask {
                            (taskName, await self.dagTask(task, scope: taskScope, name: nodeName, path: taskPath, site: site))
                        }
                    }
                }
                guard running > 0, let (finished, outcome) = await group.next() else { break }
                running -= 1
                outcomes[finished] = outcome
            }
        }
        return await finishDAG(template, scope: scope, name: name, path: path, site: site, outcomes: outcomes,
            logic: logic, targets: targets, blocked: blocked.union(relevant.subtracting(started)), tasks: tasks)
    }

    /// `dag.target` split on spaces, or every task no other depends on, sorted as Argo sorts them.
    func dagTargets(_ template: JSONValue, scope: Scope, logic: DependsLogic, tasks: [JSONValue]) -> [String] {
        let target = scope.substitute(template["dag"]?["target"]?.stringValue ?? "").0
        if !target.isEmpty { return target.split(separator: " ").map(String.init) }
        let depended = Set(logic.dependencies.values.flatMap { $0 })
        return tasks.compactMap { $0["name"]?.stringValue }.filter { !depended.contains($0) }.sorted()
    }

    func ancestors(of names: [String], logic: DependsLogic) -> Set<String> {
        var found: Set<String> = []
        var pending = names
        while let name = pending.popLast() {
            for dependency in logic.dependencies[name] ?? [] where found.insert(dependency).inserted {
                pending.append(dependency)
            }
        }
        return found
    }

    /// A task's scope: the DAG's, plus status and outputs of its ancestors (Argo's `buildLocalScopeFromTask`).
    func dagScope(_ scope: Scope, for task: String, logic: DependsLogic, outcomes: [String: TaskOutcome],
        tasks: [JSONValue], site: CallSite) -> Scope
    {
        var scope = scope
        for ancestor in ancestors(of: [task], logic: logic).sorted() {
            guard let outcome = outcomes[ancestor] else { continue }
            let holder = tasks.first { $0["name"]?.stringValue == ancestor }
            record(outcome, as: "tasks.\(ancestor)", holder: holder, in: &scope, site: site)
        }
        return scope
    }

    /// Adds a finished step or task to `scope`, aggregating its expansion when it looped.
    func record(_ outcome: TaskOutcome, as prefix: String, holder: JSONValue?, in scope: inout Scope, site: CallSite) {
        if let children = outcome.expanded {
            scope.recordAggregate(children, as: prefix)
            scope.values["\(prefix).status"] = outcome.node.phase.rawValue
            if children.contains(where: \.notSimulated) { scope.opaque.insert(prefix + ".") }
            return
        }
        var declared: JSONValue?
        if let holder, case .found(let resolved) = resolve(holder, in: site.context) { declared = resolved.template["outputs"] }
        scope.record(outcome.node, as: prefix, declaredOutputs: declared)
    }

    /// Records `outcome` on a node that never ran (omitted, skipped, errored before running).
    func settle(_ path: NodePath, _ outcome: NodeOutcome) async -> NodeOutcome {
        await ledger.update(path) {
            $0.kind = .skipped
            $0.phase = outcome.phase
            $0.message = outcome.message
        }
        return outcome
    }
}
