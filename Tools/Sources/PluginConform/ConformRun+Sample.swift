import PluginSDKTesting

extension ConformRun {
    /// The sample's reply: 200, swagger types, a node with a known phase, a message on failure, the requeue rules.
    func judgeSample(_ exchange: Exchange, into report: inout ConformReport) {
        var problem: String?
        switch exchange.status {
        case 200?: problem = nil
        case 404?:
            problem =
                "404 for the plugin's own template: Argo's client remembers a 404 for the life of the agent pod "
                + "and never calls template.execute on this plugin again"
        case 403?: problem = "the token was refused: check --token-file (Argo sends the service account's token)"
        case 503?: problem = "503 (transient): Argo retries 5 times with backoff, then errors the node"
        case let status?: problem = "\(status): Argo's agent errors the node with this status and body"
        case nil:
            problem =
                "no reply within Argo's \(target.timeout): the agent gives up and retries the call (\(exchange.received))"
        }
        report.add(ConformCheck("sample", "the sample template is answered 200", exchange, problem: problem))
        guard let response = exchange.response, response.status == 200 else {
            report.notes.append("the reply checks did not run: the sample was not answered 200")
            return
        }
        let reply: ExecuteTemplateReply
        switch ReplyRules.decode(ExecuteTemplateReply.self, from: response.body) {
        case .failure(let mismatch):
            report.add(ConformCheck("reply-types", Self.replyTypesName, exchange, problem: mismatch.description))
            return
        case .success(let decoded):
            reply = decoded
            report.add(ConformCheck("reply-types", Self.replyTypesName, exchange, problem: nil))
        }
        for path in ReplyRules.undeclared(in: reply) {
            report.notes.append("the reply's member \(path) is not in Argo's swagger: Argo ignores it (misspelt?)")
        }
        guard let node = reply.node else {
            report.add(
                ConformCheck(
                    "reply-node", "the reply to its own template carries a node", exchange,
                    problem: "no node (the reply says 'not mine'): with no other plugin claiming it, Argo errors the "
                        + "node with 'no plugin executed the template'; check the sample's plugin key"))
            return
        }
        report.add(ConformCheck("reply-node", "the reply to its own template carries a node", exchange, problem: nil))
        report.add(
            ConformCheck(
                "known-phase", "the node's phase is one of Argo's (an empty or unknown one leaves the node stuck)",
                exchange, problem: ReplyRules.phaseProblem(node)))
        report.add(
            ConformCheck(
                "failure-message", "a Failed or Error node carries a message", exchange,
                problem: ReplyRules.messageProblem(node)))
        report.add(
            ConformCheck(
                "requeue", "no requeue on Succeeded, Failed or Error; a positive one on Pending or Running", exchange,
                problem: ReplyRules.requeueProblem(reply)))
    }

    static let replyTypesName = "the reply has the types of Argo's swagger (ExecuteTemplateReply)"

    /// A template for another plugin must get 200 and no node: Argo asks each plugin in turn.
    func foreignTemplateCheck(into report: inout ConformReport) async {
        let exchange = await target.exchange(.rpc("template.execute", body: sample.foreignBody))
        var problem: String?
        if exchange.status == 404 {
            problem =
                "404: Argo's client remembers a 404 for the life of the agent pod and never calls "
                + "template.execute on this plugin again, its own templates included; answer 200 {}"
        } else if exchange.status != 200 {
            problem =
                exchange.status.map { "\($0): Argo's agent errors the node instead of asking the next plugin" }
                ?? "no reply: Argo's agent errors the node instead of asking the next plugin"
        } else if let response = exchange.response {
            switch ReplyRules.decode(ExecuteTemplateReply.self, from: response.body) {
            case .failure(let mismatch): problem = mismatch.description
            case .success(let reply) where reply.node != nil:
                problem =
                    "the plugin claimed another plugin's template: Argo takes its node and never asks the "
                    + "plugin the template is for"
            case .success:
                if response.text.trimmingCharacters(in: .whitespacesAndNewlines) == "null" {
                    report.notes.append(
                        "templates of other plugins get 200 null: Go decodes it as {}, the contract's reply")
                }
            }
        }
        report.add(
            ConformCheck(
                "foreign-template", "a template for another plugin gets 200 {} (not 404, not a node)", exchange,
                problem: problem))
    }
}
