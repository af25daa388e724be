import ArgoModels

/// The lifecycle hooks of a step, a DAG task or the workflow (`hooks`, and `onExit`/`hooks.exit`), run as Argo's
/// `executeTmplLifeCycleHook`, `executeWfLifeCycleHook` and `runOnExitNode` run them.
///
/// An expression hook is evaluated (expr-lang, over the scope with `steps.<name>.status`, `tasks.<name>.status`
/// or `workflow.status`) each time its owner's phase is observed, and runs once, as `<node>.hooks.<name>`, the
/// first time it is true. The exit hook runs as `<node>.onExit` when its owner has completed (succeeded, failed
/// or errored), with the owner's outputs in scope. The owner is not done until its hooks are.
actor LifecycleHooks {
    struct Owner: Sendable {
        /// `steps`, `tasks` or `workflow`.
        var kind: String
        /// The step's or task's display name, the key of its status.
        var name: String
        /// The owner's node name and place in the report.
        var node: String
        var path: NodePath
    }

    struct Hook: Sendable {
        var name: String
        var spec: JSONValue
    }

    private var walker: Walker
    private let owner: Owner
    private let expressionHooks: [Hook]
    private let exitHook: JSONValue?
    private let site: CallSite
    private var scope: Scope
    private var fired: Set<String> = []
    private var running: [Task<NodeOutcome, Never>] = []

    /// Hooks for `holder` (a step, task or workflow spec); nil when it has none.
    init?(holder: JSONValue, owner: Owner, walker: Walker, scope: Scope, site: CallSite) {
        let hooks = holder["hooks"]?.objectValue ?? [:]
        let expressionHooks = hooks.keys.sorted().filter { $0 != "exit" }.map { Hook(name: $0, spec: hooks[$0]!) }
        var exitHook = hooks["exit"]
        if let onExit = holder["onExit"]?.stringValue, !onExit.isEmpty { exitHook = ["template": .string(onExit)] }
        guard !expressionHooks.isEmpty || exitHook != nil else { return nil }
        self.expressionHooks = expressionHooks
        self.exitHook = exitHook
        self.owner = owner
        self.walker = walker
        self.scope = scope
        self.site = site
    }

    /// Sets `workflow.status` for the hooks and exit handler that start from now on.
    func setStatus(_ status: NodePhase) {
        walker.global["workflow.status"] = status.rawValue
        scope.values["workflow.status"] = status.rawValue
    }

    /// Evaluates the hooks that have not run yet with the owner in `phase`, and starts those that are true.
    func observe(_ phase: NodePhase, outputs: Outputs? = nil) async {
        for hook in expressionHooks where !fired.contains(hook.name) {
            var values = scope.values
            values[owner.kind == "workflow" ? "workflow.status" : "\(owner.kind).\(owner.name).status"] = phase.rawValue
            let expression = hook.spec["expression"]?.stringValue ?? ""
            do throws(ExpressionError) {
                guard try ExprCondition.evaluate(expression, environment: ExprCondition.environment(values)) else { continue }
            } catch {
                await walker.ledger.note("\(owner.node): hook \(hook.name) expression '\(expression)' not evaluated: \(error.message)")
                fired.insert(hook.name)
                continue
            }
            fired.insert(hook.name)
            start(hook.spec, node: "\(owner.node).hooks.\(hook.name)", values: values, outputs: outputs)
        }
    }

    /// Runs the exit hook, if any, once the owner completed; workflow arguments stand in for missing arguments.
    func exit(after outcome: NodeOutcome) async {
        guard let exitHook, outcome.completed else { return }
        var spec = exitHook
        if spec["arguments"] == nil, var object = spec.objectValue {
            // The workflow's arguments, with their `-p` overrides, as `GetExitHook(spec.arguments)` passes them.
            let names = (walker.document.spec["arguments"]?["parameters"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
            object["arguments"] = ["parameters": .array(names.compactMap { name in
                walker.global["workflow.parameters.\(name)"].map { ["name": .string(name), "value": .string($0)] }
            })]
            spec = .object(object)
        }
        var values = scope.values
        if owner.kind == "workflow" { values["workflow.status"] = outcome.phase.rawValue }
        else { values["\(owner.kind).\(owner.name).status"] = outcome.phase.rawValue }
        start(spec, node: "\(owner.node).onExit", values: values, outputs: outcome.outputs)
    }

    /// Waits for every hook started so far and returns how they ended.
    func finish() async -> [NodeOutcome] {
        var outcomes: [NodeOutcome] = []
        while !running.isEmpty {
            let tasks = running
            running = []
            for task in tasks { outcomes.append(await task.value) }
        }
        return outcomes
    }

    private func start(_ spec: JSONValue, node: String, values: [String: String], outputs: Outputs?) {
        var hookScope = Scope(values)
        if owner.kind != "workflow" {
            for parameter in outputs?.parameters ?? [] {
                hookScope.values["\(owner.kind).\(owner.name).outputs.parameters.\(parameter.name)"] = parameter.value?.string ?? ""
            }
        }
        let arguments = walker.arguments(of: spec, scope: hookScope)
        let walker = self.walker
        let parent = owner.path
        var hookSite = site
        hookSite.observer = nil
        hookSite.caller = nil
        hookSite.depth += 1
        running.append(Task {
            let path = await walker.open(node, template: spec["template"]?.stringValue ?? "", under: parent)
            return await walker.execute(spec, arguments: arguments.values, name: node, path: path, site: hookSite)
        })
    }
}
