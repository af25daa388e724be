import PluginSDKTesting

extension ConformRun {
    /// Each of Argo's controller hooks answers 200 with a reply of its type in time, or 404; then the checks every
    /// plugin shares, on the first hook served.
    func controllerChecks(into report: inout ConformReport) async {
        var served: [Probe] = []
        for (index, hook) in PluginKind.hooks.enumerated() {
            let probe = Probe(rpc: hook, body: sample.hookBody(hook))
            let exchange = await target.exchange(probe.request())
            if index == 0, !reachable(exchange, into: &report) { return }
            let problem = hookProblem(hook, exchange, notes: &report.notes)
            if problem == nil, exchange.status == 200 { served.append(probe) }
            report.add(
                ConformCheck(
                    "hook-\(hook)",
                    "\(hook) answers 200 with a \(Self.replyType(hook)) within Argo's \(target.timeout), or 404",
                    exchange, problem: problem))
        }
        guard let probe = served.first else {
            report.add(
                ConformCheck(
                    id: "hooks-served", name: "at least one of Argo's controller hooks is served", passed: false,
                    problem: "every hook answered 404 or failed: Argo's controller would never use this plugin",
                    sent: "each of \(PluginKind.hooks.joined(separator: ", "))", received: nil))
            return
        }
        report.add(
            ConformCheck(
                id: "hooks-served", name: "at least one of Argo's controller hooks is served", passed: true,
                sent: nil, received: "served: \(served.map(\.rpc).joined(separator: ", "))"))
        await tokenChecks(probe, into: &report)
        await robustnessChecks(probe, into: &report)
    }

    /// What is wrong with a hook's answer, or `nil`.
    func hookProblem(_ hook: String, _ exchange: Exchange, notes: inout [String]) -> String? {
        guard let response = exchange.response else {
            return "no reply within Argo's \(target.timeout): the controller gives up and fails the operation"
        }
        if response.status == 404 { return nil }
        guard response.status == 200 else {
            return "\(response.status): Argo's controller treats any answer but 200, 404 and 503 as a fatal error"
        }
        if exchange.seconds > ConformTarget.seconds(target.timeout) {
            return
                "answered after \(Int(exchange.seconds * 1000)) ms: Argo's controller gives up after \(target.timeout)"
        }
        switch hook {
        case "workflow.preOperate": return Self.decodes(WorkflowPreOperateReply.self, response)
        case "workflow.postOperate": return Self.decodes(WorkflowPostOperateReply.self, response)
        case "node.postExecute": return Self.decodes(NodePostExecuteReply.self, response)
        case "parameters.add": return Self.decodes(ParameterPreSubstitutionReply.self, response)
        default:
            switch ReplyRules.decode(NodePreExecuteReply.self, from: response.body) {
            case .failure(let mismatch): return mismatch.description
            case .success(let reply):
                guard let node = reply.node else { return nil }
                return ReplyRules.phaseProblem(node) ?? ReplyRules.messageProblem(node)
            }
        }
    }

    static func decodes<T: Decodable>(_ type: T.Type, _ response: WireResponse) -> String? {
        if case .failure(let mismatch) = ReplyRules.decode(type, from: response.body) { return mismatch.description }
        return nil
    }

    static func replyType(_ hook: String) -> String {
        switch hook {
        case "workflow.preOperate": return "WorkflowPreOperateReply"
        case "workflow.postOperate": return "WorkflowPostOperateReply"
        case "node.preExecute": return "NodePreExecuteReply"
        case "node.postExecute": return "NodePostExecuteReply"
        default: return "ParameterPreSubstitutionReply"
        }
    }
}
