import Foundation
import Synchronization
import ToolTestSupport

/// A plugin on raw sockets that follows Argo's contract as conform checks it, or breaks exactly one rule.
///
/// Executor mode handles templates with `plugin: {contract: ...}`; controller mode serves all five hooks. Each
/// ``Violation`` changes one behaviour, so a test can show that the check for that rule fails, and which others
/// fail with it when a rule cannot be broken alone.
final class ContractServer: Sendable {
    /// The one rule this server breaks.
    enum Violation: Sendable, Hashable {
        case sampleFirst404, replyWrongType, replyWithoutNode, unknownPhase, emptyPhase, failedWithoutMessage
        case succeededWithRequeue, runningWithoutRequeue, foreign404, foreignClaimed
        case tokenMissingAccepted, tokenPrefix, tokenOnlyForOwnTemplates, tokenAfterBody, unknownMethod500
        case badJSON500, wrongTypesAccepted, stumbleAfterBadInput, closeEachReply, fewConnections, impatientBody
        case hookFails(String)
        case slowHook(String)
        case noHooks
    }

    let token = "contract-Token-\(UUID().uuidString)"
    let controller: Bool
    let violation: Violation?
    private let listener = Mutex<LoopbackListener?>(nil)
    private let state = Mutex<(ownCalls: Int, stumble: Bool, inFlight: Int)>((0, false, 0))
    let port: Int

    var url: String { "http://127.0.0.1:\(port)" }

    init(controller: Bool = false, breaking violation: Violation? = nil) throws {
        self.controller = controller
        self.violation = violation
        let box = Mutex<ContractServer?>(nil)
        let listener = try LoopbackListener { peer in box.withLock { $0 }?.serve(peer) }
        port = listener.port
        self.listener.withLock { $0 = listener }
        box.withLock { $0 = self }
    }

    func stop() { listener.withLock { $0 }?.stop() }

    private func serve(_ peer: LoopbackPeer) {
        var reader = ScriptedRequestReader(peer)
        while let (requestLine, headers) = reader.head() {
            if state.withLock({ $0.stumble }) {
                state.withLock { $0.stumble = false }
                return
            }
            if violation == .fewConnections {
                let crowded = state.withLock { state -> Bool in
                    state.inFlight += 1
                    return state.inFlight > 4
                }
                defer { state.withLock { $0.inFlight -= 1 } }
                if crowded { return }
                Thread.sleep(forTimeInterval: 0.3)
            }
            let authorization = headers["authorization"]
            let checksEarly = violation != .tokenAfterBody && violation != .tokenOnlyForOwnTemplates
            if checksEarly && !authorized(authorization) {
                peer.respond(status: 403, body: #"{"error":"forbidden"}"#, headers: ["Connection: close"])
                return
            }
            let length = Int(headers["content-length"] ?? "0") ?? 0
            guard
                let body = reader.body(length: length, patience: violation == .impatientBody ? .milliseconds(50) : nil)
            else {
                if violation == .impatientBody { peer.respond(status: 400, body: #"{"error":"short body"}"#) }
                return
            }
            let reply = answer(requestLine: requestLine, authorization: authorization, body: body)
            if violation == .closeEachReply {
                peer.respond(status: reply.status, body: reply.body, headers: ["Connection: close"])
                return
            }
            guard peer.respond(status: reply.status, body: reply.body), reply.status != 403 else { return }
        }
    }

    private func authorized(_ header: String?) -> Bool {
        guard let header else { return violation == .tokenMissingAccepted }
        if violation == .tokenPrefix { return header.hasPrefix("Bearer \(token.dropLast())") }
        return header == "Bearer \(token)"
    }

    private func answer(requestLine: String, authorization: String?, body: String) -> (status: Int, body: String) {
        let path = requestLine.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        let method = path.hasPrefix("/api/v1/") ? String(path.dropFirst("/api/v1/".count)) : path
        let known = controller ? Self.hooks.contains(method) : method == "template.execute"
        guard known else {
            if violation == .tokenAfterBody && !authorized(authorization) { return (403, #"{"error":"forbidden"}"#) }
            return violation == .unknownMethod500 ? (500, #"{"error":"what?"}"#) : (404, #"{"error":"not found"}"#)
        }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] else {
            return violation == .badJSON500 ? (500, #"{"error":"crashed"}"#) : (400, #"{"error":"bad JSON"}"#)
        }
        let shaped = ["workflow", "template", "node", "old", "new"].allSatisfy {
            object[$0] == nil || object[$0] is [String: Any]
        }
        if !shaped {
            if violation == .stumbleAfterBadInput { state.withLock { $0.stumble = true } }
            return violation == .wrongTypesAccepted ? (200, "{}") : (400, #"{"error":"wrong types"}"#)
        }
        let own = ((object["template"] as? [String: Any])?["plugin"] as? [String: Any])?["contract"] != nil
        if !authorized(authorization) && (violation == .tokenAfterBody || own) {
            return (403, #"{"error":"forbidden"}"#)
        }
        return controller ? hook(method) : execute(own: own)
    }

    private func execute(own: Bool) -> (status: Int, body: String) {
        guard own else {
            switch violation {
            case .foreign404: return (404, "")
            case .foreignClaimed: return (200, #"{"node":{"phase":"Succeeded","message":"mine"}}"#)
            default: return (200, "{}")
            }
        }
        let call = state.withLock { state -> Int in
            state.ownCalls += 1
            return state.ownCalls
        }
        switch violation {
        case .sampleFirst404 where call == 1: return (404, "")
        case .replyWrongType: return (200, #"{"node":{"phase":"Succeeded","message":5}}"#)
        case .replyWithoutNode: return (200, "{}")
        case .unknownPhase: return (200, #"{"node":{"phase":"Done","message":"done"}}"#)
        case .emptyPhase: return (200, #"{"node":{"message":"done"}}"#)
        case .failedWithoutMessage: return (200, #"{"node":{"phase":"Failed"}}"#)
        case .succeededWithRequeue: return (200, #"{"node":{"phase":"Succeeded","message":"done"},"requeue":"1m"}"#)
        case .runningWithoutRequeue: return (200, #"{"node":{"phase":"Running","message":"working"}}"#)
        default:
            return (
                200,
                #"{"node":{"phase":"Succeeded","message":"done","outputs":{"parameters":[{"name":"x","value":"1"}]}}}"#
            )
        }
    }

    static let hooks = [
        "workflow.preOperate", "workflow.postOperate", "node.preExecute", "node.postExecute", "parameters.add",
    ]

    private func hook(_ method: String) -> (status: Int, body: String) {
        if violation == .noHooks { return (404, "") }
        if violation == .hookFails(method) { return (500, #"{"error":"hook failed"}"#) }
        if violation == .slowHook(method) { Thread.sleep(forTimeInterval: 1.5) }
        switch method {
        case "workflow.preOperate": return (200, #"{"workflow":{"metadata":{"annotations":{"checked":"yes"}}}}"#)
        case "node.preExecute": return (200, #"{"node":{"phase":"Succeeded","message":"done"}}"#)
        case "parameters.add": return (200, #"{"parameters":{"greeting":"hello"}}"#)
        default: return (200, "{}")
        }
    }
}
