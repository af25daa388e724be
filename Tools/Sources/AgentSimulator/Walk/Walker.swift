import ArgoModels

/// Walks a workflow as Argo's controller schedules it (`executeTemplate` in `workflow/controller/operator.go`):
/// resolves each template (`template`, `templateRef`, `inline`), binds its inputs, wraps it in retries, and runs
/// steps, DAGs and plugin templates; the other template types are recorded as not simulated.
///
/// A value type whose state lives in the ``RunLedger`` actor, so concurrent branches (the steps of a group, the
/// DAG tasks whose dependencies are met) each walk with their own copy.
struct Walker: Sendable {
    let document: WorkflowDocument
    let library: TemplateLibrary
    let agent: Agent
    let ledger: RunLedger
    /// `{"name","namespace","uid"}` sent as the workflow's metadata.
    let identity: JSONValue
    /// `workflow.*` values; `workflow.status` changes for hooks and the exit handler.
    var global: [String: String]
    let timing: AgentTiming
    /// `TRANSIENT_ERROR_PATTERN`, which Argo also counts as transient for `retryPolicy: OnTransientError`.
    let transientPattern: String?
    let progress: @Sendable (String) -> Void

    /// Argo's `maxStackDepth` default.
    static let maxDepth = 150

    /// Executes the template `holder` names (a step, task or hook) as node `name`, already opened at `path`.
    func execute(
        _ holder: JSONValue, arguments: [String: String], name: String, path: NodePath, site: CallSite
    ) async -> NodeOutcome {
        guard site.depth < Self.maxDepth else {
            return await fail(path, .error(name, "Maximum recursion depth exceeded. See https://argo-workflows.readthedocs.io/en/latest/scaling/#maximum-recursion-depth"))
        }
        let resolved: ResolvedTemplate
        switch resolve(holder, in: site.context) {
        case .found(let found): resolved = found
        case .error(let message): return await fail(path, .error(name, message))
        case .notGiven(let reference):
            await ledger.note("\(name): \(reference) was not given with --templates; the node was not run")
            await ledger.update(path) {
                $0.kind = .notSimulated
                $0.phase = nil
                $0.message = "\(reference): not given with --templates"
            }
            return NodeOutcome(name: name, phase: .succeeded, notSimulated: true)
        }
        let template: JSONValue
        let scope: Scope
        switch bindInputs(resolved.template, arguments: arguments, name: name, site: site) {
        case .failure(let error): return await fail(path, .error(name, error.message))
        case .success(let bound): (template, scope) = bound
        }
        await ledger.update(path) { $0.template = template["name"]?.stringValue ?? "" }
        await noteUnsupportedFields(of: template, node: name)
        var inner = site
        inner.context = resolved.context
        inner.depth += 1
        if let strategy = template["retryStrategy"] ?? document.spec["retryStrategy"] {
            return await withRetries(strategy, template: template, scope: scope, name: name, path: path, site: inner)
        }
        return await run(template, scope: scope, name: name, path: path, site: inner)
    }

    /// Runs a template whose inputs are bound, by type.
    func run(_ template: JSONValue, scope: Scope, name: String, path: NodePath, site: CallSite) async -> NodeOutcome {
        if template["steps"] != nil { return await steps(template, scope: scope, name: name, path: path, site: site) }
        if template["dag"] != nil { return await dag(template, scope: scope, name: name, path: path, site: site) }
        if template["plugin"] != nil { return await plugin(template, scope: scope, name: name, path: path, site: site) }
        return await notSimulated(template, name: name, path: path, site: site)
    }

    /// Records `outcome` (an error before the node could run) on the node at `path`.
    func fail(_ path: NodePath, _ outcome: NodeOutcome) async -> NodeOutcome {
        await ledger.update(path) {
            $0.phase = outcome.phase
            $0.message = outcome.message
        }
        return outcome
    }

    /// Copies a finished outcome onto the node at `path`.
    func finish(_ path: NodePath, _ outcome: NodeOutcome) async -> NodeOutcome {
        await ledger.update(path) {
            $0.phase = outcome.phase
            $0.message = outcome.message ?? $0.message
            $0.outputs = outcome.outputs ?? $0.outputs
            $0.stuck = outcome.stuck
        }
        return outcome
    }

    /// Opens a child node for a step, task or hook before it runs, so siblings keep their order in the report.
    func open(_ name: String, template: String, under parent: NodePath, kind: SimulatedNode.Kind = .skipped,
        phase: NodePhase = .pending) async -> NodePath
    {
        await ledger.open(under: parent, SimulatedNode(name: name, template: template, kind: kind, phase: phase))
    }
}
