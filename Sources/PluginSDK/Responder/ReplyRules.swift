import ArgoModels
import Logging

/// What the SDK corrects in a `template.execute` reply before it goes out, so that no reply leaves a node stuck.
///
/// Argo's agent (`workflow/executor/agent.go`) sends a result to the controller only when its phase is not empty,
/// requeues on every phase but `Succeeded` when the reply asks for it, and never calls again otherwise. The
/// controller copies the phase into the node as it is, and a node finishes only on a phase it knows. So:
///
/// | reply | sent as |
/// |---|---|
/// | `{}` (no node: "not mine") | unchanged |
/// | a node without a phase, with an empty phase, or with a phase Argo does not know | `Failed`, naming the problem, no requeue; logged as an error |
/// | a terminal phase (`Succeeded`, `Failed`, `Error`, `Skipped`, `Omitted`) | without its requeue (Argo would call again) |
/// | `Running` or `Pending` without a requeue | with the default requeue, logged as a warning |
package enum ReplyRules {
    /// Argo's node phases, as a message lists them.
    static let knownPhases = NodePhase.allCases.map(\.rawValue).joined(separator: ", ")

    /// `reply` as it should go out; see ``ReplyRules``.
    static func normalized(
        _ reply: ExecuteTemplateReply, defaultRequeue: Swift.Duration, logger: Logger
    ) -> ExecuteTemplateReply {
        guard let node = reply.node else { return reply }
        guard let phase = node.phase else {
            return stuck(node, "a node without a phase; Argo's agent would drop the result", logger: logger)
        }
        if case .unknown(let raw) = phase, case .unknown = NodePhase(rawValue: raw) {
            if raw.isEmpty {
                return stuck(node, "an empty phase; Argo's agent would drop the result", logger: logger)
            }
            return stuck(
                node, "an unknown phase \"\(raw)\" (Argo's are \(knownPhases)); Argo would set it on the node",
                logger: logger)
        }
        var reply = reply
        if phase.isTerminal {
            reply.requeue = nil
        } else if (phase == .running || phase == .pending) && reply.requeue == nil {
            logger.warning(
                "reply is \(phase) without requeue; Argo would never call again, requeueing after the default",
                metadata: ["requeue": "\(GoDuration(defaultRequeue))"])
            reply.requeue = GoDuration(defaultRequeue)
        }
        return reply
    }

    /// How the message of a `Failed` reply the SDK sent in place of a stuck one starts and ends.
    static let stuckPrefix = "the plugin replied with "
    static let stuckSuffix = ", and the node would never finish"

    /// Whether `message` is that of a `Failed` reply the SDK sent in place of the handler's (for the test kit).
    package static func isStuckReplacement(_ message: String) -> Bool {
        message.hasPrefix(stuckPrefix) && message.hasSuffix(stuckSuffix)
    }

    /// A `Failed` reply in place of one whose phase would leave the node unfinished for ever.
    private static func stuck(_ node: NodeResult, _ problem: String, logger: Logger) -> ExecuteTemplateReply {
        let message = stuckPrefix + problem + stuckSuffix
        logger.error(
            "answering Failed: \(message)",
            metadata: ["reply.phase": "\(node.phase.map { "\"\($0.rawValue)\"" } ?? "none")"])
        return .failed(message)
    }
}
