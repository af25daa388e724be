import ArgoModels

extension Walker {
    /// A plugin template: substituted in its scope and handed to the ``Agent``, which reports the node's phases.
    func plugin(_ template: JSONValue, scope: Scope, name: String, path: NodePath, site: CallSite) async -> NodeOutcome {
        let (sent, unresolved) = scope.substitute(template)
        await ledger.unresolved(unresolved.other + unresolved.opaque + unresolved.items)
        await ledger.update(path) {
            $0.kind = .plugin
            $0.phase = .pending
        }
        await site.observer?(.pending)
        let ledger = self.ledger
        let observer = site.observer
        let result = await agent.execute(node: name, template: sent, identity: identity) { reported in
            await ledger.update(path) {
                $0.phase = reported.phase
                $0.message = reported.message
            }
            if let phase = reported.phase { await observer?(phase) }
        }
        await ledger.update(path) {
            $0.phase = result.phase
            $0.message = result.message
            $0.outputs = result.outputs
            $0.plugin = result.plugin
            $0.calls = result.calls
            $0.stuck = result.stuck
            $0.hint = result.hint
        }
        let outcome = NodeOutcome(
            name: name, phase: result.phase ?? .pending, message: result.message, outputs: result.outputs,
            stuck: result.stuck)
        if !outcome.stuck { await site.observer?(outcome.phase) }
        return outcome
    }

    /// The template types Argo runs in pods or elsewhere, which the simulator does not run.
    static let otherTypes = ["container", "script", "resource", "http", "suspend", "containerSet", "data"]

    /// A template the simulator does not run: assumed to succeed, its outputs unknown; named as not evaluated.
    func notSimulated(_ template: JSONValue, name: String, path: NodePath, site: CallSite) async -> NodeOutcome {
        let templateName = template["name"]?.stringValue ?? "(inline)"
        guard let type = Self.otherTypes.first(where: { template[$0] != nil }) else {
            return await fail(path, .error(name, "Template '\(templateName)' missing specification"))
        }
        await site.observer?(.running)
        let message = "\(type) template: not simulated, assumed to succeed"
        await ledger.update(path) {
            $0.kind = .notSimulated
            $0.phase = nil
            $0.message = message
        }
        await ledger.note("\(type) template \(templateName) was not run (assumed to succeed; its outputs are unknown)")
        await site.observer?(.succeeded)
        return NodeOutcome(name: name, phase: .succeeded, message: message, notSimulated: true)
    }
}
