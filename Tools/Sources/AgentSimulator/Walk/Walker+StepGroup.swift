import ArgoModels

extension Walker {
    /// One step of a group on its way to run: the step as written, its preparation, its node.
    struct GroupChild: Sendable {
        var step: JSONValue
        var prepared: PreparedStep
        var node: String
        var path: NodePath
    }

    /// A step group, as Argo's `executeStepGroup`: references of every step resolved first (one that never
    /// resolves holds the whole group), loops expanded, each step's `when` evaluated, the rest started together;
    /// the group waits for all of them and their hooks, then fails on the first step that failed or errored
    /// without `continueOn`.
    func stepGroup(_ steps: [JSONValue], name group: String, scope: Scope, parent: NodePath, site: CallSite) async
        -> GroupResult
    {
        var preparations: [(JSONValue, Preparation)] = []
        for step in steps {
            let stepName = step["name"]?.stringValue ?? "step"
            let preparation = await prepare(step, scope: scope, name: stepName, node: "\(group).\(stepName)")
            switch preparation {
            case .stuck(let message): return .stuck("\(group).\(stepName): \(message)")
            case .error(let message, true): return .failed("failed to resolve references: \(message)")
            default: preparations.append((step, preparation))
            }
        }
        // Every loop is expanded before any step starts: an expansion error starts none of them.
        for (_, preparation) in preparations {
            if case .error(let message, _) = preparation { return .failed(message) }
        }
        var children: [GroupChild] = []
        var recorded: [String: TaskOutcome] = [:]
        var groupError: String?
        for (step, preparation) in preparations where groupError == nil {
            let stepName = step["name"]?.stringValue ?? "step"
            let node = "\(group).\(stepName)"
            switch preparation {
            case .error:
                break
            case .notEvaluated(let reason):
                await ledger.note("\(node): not run: \(reason)")
                let path = await open(node, template: step["template"]?.stringValue ?? "", under: parent, kind: .notSimulated)
                await ledger.update(path) { $0.phase = nil; $0.message = "not evaluated: \(reason)" }
                recorded[stepName] = TaskOutcome(node: NodeOutcome(name: node, phase: .succeeded, notSimulated: true), expanded: [])
            case .ready(let expanded, let loops):
                if loops, expanded.isEmpty {
                    let path = await open(node, template: step["template"]?.stringValue ?? "", under: parent)
                    recorded[stepName] = TaskOutcome(node: await settle(
                        path, NodeOutcome(name: node, phase: .skipped, message: "Skipped, empty params")))
                }
                for prepared in expanded where groupError == nil {
                    let childNode = "\(group).\(prepared.name)"
                    let path = await open(childNode, template: step["template"]?.stringValue ?? "", under: parent)
                    switch prepared.fate {
                    case .skip(let message):
                        _ = await settle(path, NodeOutcome(name: childNode, phase: .skipped, message: message))
                    case .error(let message):
                        _ = await settle(path, .error(childNode, message))
                        groupError = message
                    case .run:
                        children.append(GroupChild(step: step, prepared: prepared, node: childNode, path: path))
                    }
                }
            case .stuck: break
            }
        }
        let outcomes = await runConcurrently(children, kind: "steps", scope: scope, site: site)
        if let groupError { return .failed(groupError) }
        if let stuck = outcomes.first(where: \.stuck) { return .stuck("waiting for \(stuck.name), which would never finish") }
        for (child, outcome) in zip(children, outcomes)
        where outcome.failedOrError && !Self.continues(child.step["continueOn"], on: outcome.phase) {
            return .failed("child '\(child.node)' failed")
        }
        return .succeeded(groupScope(scope, steps: steps, children: children, outcomes: outcomes,
            recorded: recorded, group: group, site: site))
    }

    /// Runs `children` all at once, each with its lifecycle hooks, and returns their outcomes in order.
    func runConcurrently(_ children: [GroupChild], kind: String, scope: Scope, site: CallSite) async -> [NodeOutcome] {
        await withTaskGroup(of: (Int, NodeOutcome).self) { group in
            for (index, child) in children.enumerated() {
                group.addTask {
                    let owner = LifecycleHooks.Owner(kind: kind, name: child.prepared.name, node: child.node, path: child.path)
                    let hooks = LifecycleHooks(holder: child.prepared.holder, owner: owner, walker: self, scope: scope, site: site)
                    var childSite = site
                    childSite.caller = (kind, child.step["name"]?.stringValue ?? child.prepared.name)
                    if let hooks { childSite.observer = { phase in await hooks.observe(phase) } }
                    let outcome = await self.execute(
                        child.prepared.holder, arguments: child.prepared.arguments, name: child.node, path: child.path,
                        site: childSite)
                    if !outcome.stuck, let hooks {
                        await hooks.exit(after: outcome)
                        _ = await hooks.finish()
                    }
                    return (index, outcome)
                }
            }
            var outcomes = [NodeOutcome?](repeating: nil, count: children.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.map { $0! }
        }
    }

    /// The scope after a group: each step's status and outputs, aggregated for loops (with the group's phase as
    /// the loop's status, as Argo records it).
    func groupScope(_ scope: Scope, steps: [JSONValue], children: [GroupChild], outcomes: [NodeOutcome],
        recorded: [String: TaskOutcome], group: String, site: CallSite) -> Scope
    {
        var next = scope
        for step in steps {
            let stepName = step["name"]?.stringValue ?? "step"
            let mine = zip(children, outcomes).filter { $0.0.step["name"]?.stringValue == stepName }
            if let done = recorded[stepName] {
                record(done, as: "steps.\(stepName)", holder: step, in: &next, site: site)
            } else if LoopExpansion.loops(step) {
                let aggregate = TaskOutcome(node: NodeOutcome(name: "\(group).\(stepName)", phase: .succeeded), expanded: mine.map(\.1))
                record(aggregate, as: "steps.\(stepName)", holder: step, in: &next, site: site)
            } else if let outcome = mine.first?.1 {
                record(TaskOutcome(node: outcome), as: "steps.\(stepName)", holder: step, in: &next, site: site)
            } else {
                let skipped = NodeOutcome(name: "\(group).\(stepName)", phase: .skipped)
                record(TaskOutcome(node: skipped), as: "steps.\(stepName)", holder: step, in: &next, site: site)
            }
        }
        return next
    }
}
