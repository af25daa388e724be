import ArgoModels
import Foundation

/// Runs one plugin node as Argo's agent does (`workflow/executor/agent.go`), requeues included.
///
/// Each round asks the plugins in order; the first reply with a node wins, a plugin error ends the round with a
/// `Failed` node, and when no plugin claims the template the node fails with "no plugin executed the template".
/// A non-terminal node with a requeue is asked again after the requeue; `Succeeded` and the other terminal phases
/// end the node. A non-terminal node without a requeue would never be called again in Argo: the simulator reports
/// it as stuck.
struct AgentExecutor: Sendable {
    let plugins: [PluginEndpoint]
    let rpc: AgentRPC
    let timing: AgentTiming

    /// Executes `template` (already substituted) for the workflow `identity`.
    func run(node name: String, template: JSONValue, identity: JSONValue) async -> SimulatedNode {
        let body = Array(compactJSON(["workflow": ["metadata": identity], "template": template]).utf8)
        var node = SimulatedNode(name: name, template: template["name"]?.stringValue ?? "", kind: .plugin)
        var requeues = 0
        rpc.progress("  → \(name): template.execute (template \(node.template))")
        while true {
            node.calls += 1
            let round = await executeOnce(body: body)
            switch round {
            case .failure(let message, let hint):
                node.phase = .failed
                node.message = message
                node.hint = hint
                rpc.progress("  ✘ \(name): Failed: \(message)")
                return node
            case .success(let result, let requeue, let address):
                node.phase = result.phase
                node.message = result.message
                node.outputs = result.outputs
                node.plugin = address
                let phase = result.phase
                let summary = "\(phase?.rawValue ?? "(no phase)")\(result.message.map { ": \($0)" } ?? "")"
                if phase == .succeeded || phase?.isTerminal == true {
                    if let requeue, requeue > .zero, phase != .succeeded {
                        node.hint = "the reply asked for a requeue on a terminal phase: Argo's agent would call again"
                    }
                    rpc.progress("  \(phase == .succeeded ? "✔" : "✘") \(name): \(summary)")
                    return node
                }
                guard let requeue, requeue > .zero else {
                    node.stuck = true
                    node.hint = "the plugin answered \(phase?.rawValue ?? "no phase") without requeue: Argo would never "
                        + "call it again and the node would hang"
                    rpc.progress("  ✘ \(name): \(summary) without requeue: the node would hang")
                    return node
                }
                requeues += 1
                guard requeues <= timing.maxRequeues else {
                    node.stuck = true
                    node.hint = "still \(phase?.rawValue ?? "running") after \(timing.maxRequeues) requeues; gave up"
                    rpc.progress("  ✘ \(name): gave up after \(timing.maxRequeues) requeues")
                    return node
                }
                let wait = timing.scaled(requeue.swiftDuration)
                rpc.progress("  … \(name): \(summary); requeue after \(requeue) (waiting \(AgentRPC.format(wait)))")
                try? await Task.sleep(for: wait)
            }
        }
    }

    enum Round {
        case success(NodeResult, requeue: GoDuration?, address: String)
        case failure(String, hint: String?)
    }

    /// `executePluginTemplate`: the plugins in order until one returns a node.
    func executeOnce(body: [UInt8]) async -> Round {
        for plugin in plugins {
            switch await rpc.call(plugin, method: "template.execute", body: body) {
            case .failed(let message, let hint):
                return .failure(message, hint: hint)
            case .notFound:
                continue
            case .reply(let reply):
                guard let node = reply.node else { continue }
                return .success(node, requeue: node.phase == .succeeded ? nil : reply.requeue, address: plugin.address)
            }
        }
        return .failure(
            "no plugin executed the template",
            hint: "every plugin answered {} or 404: check the template's plugin key and the --plugin list")
    }
}
