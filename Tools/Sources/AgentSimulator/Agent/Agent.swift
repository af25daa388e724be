import ArgoModels
import Foundation

/// Argo's agent pod for one workflow (`workflow/executor/agent.go`), node for node.
///
/// - a node is one task; it waits for one of ``WorkerPool/size`` workers, asks the plugins in the pod's
///   order until one returns a node (a plugin error ends the round with a `Failed` node; nobody claiming it is
///   "no plugin executed the template"), and gives the worker back;
/// - its result reaches the controller at the next ``ReportClock`` tick, batched with the others of that interval;
/// - a non-terminal node with a requeue is reported, then asked again after the requeue; `Succeeded` and the other
///   terminal phases end it; a non-terminal node without a requeue would never be called again: it is stuck.
struct Agent: Sendable {
    /// The plugins in the pod's order.
    let plugins: [PluginEndpoint]
    let rpc: AgentRPC
    let timing: AgentTiming
    let workers: WorkerPool
    let reports: ReportClock
    /// Probes other plugins for templates they also claim; nil when the check is off.
    let claims: ClaimCheck?

    init(plugins: [PluginEndpoint], rpc: AgentRPC, timing: AgentTiming, claimCheck: Bool) {
        self.plugins = plugins
        self.rpc = rpc
        self.timing = timing
        workers = WorkerPool(size: timing.workers)
        reports = ReportClock(period: timing.scaled(timing.patchRate))
        claims = claimCheck && plugins.count > 1 ? ClaimCheck() : nil
    }

    /// Executes `template` (already substituted) as node `name`; `onReport` sees every result the controller would
    /// see, the intermediate (`Running`) ones included.
    func execute(
        node name: String, template: JSONValue, identity: JSONValue,
        onReport: @escaping @Sendable (SimulatedNode) async -> Void = { _ in }
    ) async -> SimulatedNode {
        let body = Array(compactJSON(["workflow": ["metadata": identity], "template": template]).utf8)
        let templateName = template["name"]?.stringValue ?? ""
        var node = SimulatedNode(name: name, template: templateName, kind: .plugin)
        var requeues = 0
        // Running results reach the controller at a tick while the requeue timer runs on its own, as Argo's patch
        // worker and `time.AfterFunc` do; the final result waits for those reports, then for its own tick.
        var reportsInFlight: [Task<Void, Never>] = []
        func report(_ final: SimulatedNode) async -> SimulatedNode {
            for pending in reportsInFlight { await pending.value }
            await reports.waitForTick()
            return final
        }
        rpc.progress("  → \(name): template.execute (template \(templateName))")
        while true {
            node.calls += 1
            await workers.acquire()
            let round = await executeOnce(body: body)
            await workers.release()
            switch round {
            case .failure(let message, let hint):
                node.phase = .failed
                node.message = message
                node.hint = hint
                rpc.progress("  ✘ \(name): Failed: \(message)")
                return await report(node)
            case .success(let result, let requeue, let winner):
                await checkClaims(template: templateName, node: name, body: body, winner: winner)
                node.phase = result.phase
                node.message = result.message
                node.outputs = result.outputs
                node.plugin = plugins[winner].address
                let phase = result.phase
                let summary = "\(phase?.rawValue ?? "(no phase)")\(result.message.map { ": \($0)" } ?? "")"
                if phase?.isTerminal == true {
                    if let requeue, requeue > .zero, phase != .succeeded {
                        node.hint = "the reply asked for a requeue on a terminal phase: Argo's agent would call again"
                    }
                    rpc.progress("  \(phase == .succeeded ? "✔" : "✘") \(name): \(summary)")
                    return await report(node)
                }
                guard let requeue, requeue > .zero else {
                    node.stuck = true
                    node.hint = "the plugin answered \(phase?.rawValue ?? "no phase") without requeue: Argo would never "
                        + "call it again and the node would hang"
                    rpc.progress("  ✘ \(name): \(summary) without requeue: the node would hang")
                    return await report(node)
                }
                requeues += 1
                guard requeues <= timing.maxRequeues else {
                    node.stuck = true
                    node.hint = "still \(phase?.rawValue ?? "running") after \(timing.maxRequeues) requeues; gave up"
                    rpc.progress("  ✘ \(name): gave up after \(timing.maxRequeues) requeues")
                    return await report(node)
                }
                let wait = timing.scaled(requeue.swiftDuration)
                let again = ContinuousClock.now + wait
                if phase != nil {
                    let snapshot = node
                    let clock = reports
                    reportsInFlight.append(Task {
                        await clock.waitForTick()
                        await onReport(snapshot)
                    })
                }
                rpc.progress("  … \(name): \(summary); requeue after \(requeue) (waiting \(AgentRPC.format(wait)))")
                try? await Task.sleep(until: again, clock: .continuous)
            }
        }
    }
}
