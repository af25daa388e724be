import ArgoModels

extension Agent {
    /// How one round of `executePluginTemplate` ended.
    enum Round {
        /// A plugin returned a node; `winner` is its index in ``Agent/plugins``.
        case success(NodeResult, requeue: GoDuration?, winner: Int)
        case failure(String, hint: String?)
    }

    /// `executePluginTemplate`: the plugins in order until one returns a node.
    func executeOnce(body: [UInt8]) async -> Round {
        for (index, plugin) in plugins.enumerated() {
            switch await rpc.call(plugin, method: "template.execute", body: body) {
            case .failed(let message, let hint):
                return .failure(message, hint: hint)
            case .notFound:
                continue
            case .reply(let reply):
                guard let node = reply.node else { continue }
                return .success(node, requeue: node.phase == .succeeded ? nil : reply.requeue, winner: index)
            }
        }
        return .failure(
            "no plugin executed the template",
            hint: "every plugin answered {} or 404: check the template's plugin key and the --plugin list")
    }

    /// Once per template, asks the plugins after the winner whether they would claim it too (see ``ClaimCheck``).
    func checkClaims(template: String, node: String, body: [UInt8], winner: Int) async {
        guard let claims, winner + 1 < plugins.count, await claims.claimProbe(for: template) else { return }
        let later = Array(plugins[(winner + 1)...])
        let first = plugins[winner].address
        var probeTiming = timing
        probeTiming.attempts = 1
        let probe = AgentRPC(timing: probeTiming, progress: rpc.progress)
        let task = Task {
            for plugin in later {
                rpc.progress("    probing \(plugin.address) for template \(template) (claim check; Argo would not call it)")
                guard case .reply(let reply) = await probe.call(plugin, method: "template.execute", body: body),
                    reply.node != nil
                else { continue }
                await claims.warn(
                    "plugins \(first) and \(plugin.address) both answer template \(template) (node \(node)): "
                        + "Argo uses whichever comes first in the agent pod's random order")
            }
        }
        await claims.track(task)
    }
}
