import ArgoModels

extension Walker {
    /// A `steps` template, as Argo's `executeSteps`: groups one after the other, the steps of a group all at
    /// once; a group that fails (a step failed or errored without `continueOn`) fails the template with the
    /// group's message and the later groups never run; each group's steps are in scope for the next.
    func steps(_ template: JSONValue, scope: Scope, name: String, path: NodePath, site: CallSite) async -> NodeOutcome {
        await ledger.update(path) {
            $0.kind = .group
            $0.phase = .running
        }
        await site.observer?(.running)
        var scope = scope
        for (index, group) in (template["steps"]?.arrayValue ?? []).enumerated() {
            let steps = group.arrayValue ?? group["steps"]?.arrayValue ?? []
            switch await stepGroup(steps, name: "\(name)[\(index)]", scope: scope, parent: path, site: site) {
            case .stuck(let message):
                return await finish(path, NodeOutcome(name: name, phase: .running, message: message, stuck: true))
            case .failed(let message):
                await site.observer?(.failed)
                return await finish(path, NodeOutcome(name: name, phase: .failed, message: message))
            case .succeeded(let next):
                scope = next
            }
        }
        let outputs = await templateOutputs(template, scope: scope, name: name)
        await site.observer?(.succeeded)
        return await finish(path, NodeOutcome(name: name, phase: .succeeded, outputs: outputs))
    }

    enum GroupResult {
        /// The scope for the next group, with this group's steps in it.
        case succeeded(Scope)
        case failed(String)
        case stuck(String)
    }
}
