import ArgoModels

/// One workflow from start to end, as Argo's `operate` drives it: the entrypoint called with the workflow's
/// arguments; the workflow's expression hooks (`spec.hooks`) evaluated with `workflow.status` when it starts
/// and when the entrypoint ends; then the exit handler (`spec.onExit` or `spec.hooks.exit`) with the final
/// `{{workflow.status}}`; an exit handler that fails turns a success into a failure.
struct WorkflowRun {
    var walker: Walker

    func run() async -> SimulationReport.Verdict {
        let document = walker.document
        await noteUnsupportedSpecFields()
        let local = TemplateContext(owner: "workflow", spec: document.spec, templates: document.templates)
        let entry: JSONValue = ["template": .string(document.entrypoint)]
        let path = await walker.ledger.open(
            under: nil, SimulatedNode(name: document.name, template: document.entrypoint, kind: .skipped, phase: .pending))
        let owner = LifecycleHooks.Owner(kind: "workflow", name: document.name, node: document.name, path: path)
        let site = CallSite(context: local)
        let hooks = LifecycleHooks(holder: document.spec, owner: owner, walker: walker, scope: Scope(walker.global), site: site)
        let entryTemplate = document.templates[document.entrypoint]
        let startPhase: NodePhase = entryTemplate?["steps"] != nil || entryTemplate?["dag"] != nil ? .running : .pending
        await hooks?.observe(startPhase)
        let outcome = await walker.execute(entry, arguments: document.parameters.merging(
            walker.global.compactMapKeys { $0.hasPrefix("workflow.parameters.") ? String($0.dropFirst(20)) : nil }) { $1 },
            name: document.name, path: path, site: site)
        guard !outcome.stuck else {
            _ = await hooks?.finish()
            return .hangs(outcome.message ?? "\(document.name) would stay \(outcome.phase.rawValue)")
        }
        let status: NodePhase = outcome.failedOrError ? outcome.phase : .succeeded
        await hooks?.setStatus(status)
        await hooks?.observe(status)
        _ = await hooks?.finish()
        await hooks?.exit(after: NodeOutcome(name: document.name, phase: status))
        let exit = await hooks?.finish().last(where: { $0.name == "\(document.name).onExit" })
        if let exit, exit.stuck { return .hangs("the exit handler \(exit.name) would never finish") }
        if status == .succeeded, let exit, exit.failedOrError {
            return .failed(phase: exit.phase.rawValue, message: exit.message)
        }
        return status == .succeeded ? .succeeded : .failed(phase: status.rawValue, message: outcome.message)
    }

    /// Names workflow-level fields that change scheduling but are not modelled.
    func noteUnsupportedSpecFields() async {
        let spec = walker.document.spec
        for field in ["parallelism", "activeDeadlineSeconds", "suspend", "synchronization", "templateDefaults", "shutdown"]
        where spec[field] != nil {
            await walker.ledger.note("spec.\(field) is not evaluated (the simulator runs without it)")
        }
        if spec["arguments"]?["artifacts"] != nil { await walker.ledger.note("spec.arguments.artifacts are not evaluated") }
    }
}

extension Dictionary where Key == String {
    /// The entries whose keys `transform` maps to a new key.
    func compactMapKeys(_ transform: (String) -> String?) -> [String: Value] {
        var result: [String: Value] = [:]
        for (key, value) in self { if let newKey = transform(key) { result[newKey] = value } }
        return result
    }
}
