import PluginSDK

extension ConformanceRun {
    func sampleChecks(into report: inout ConformanceReport) async {
        guard methods.contains(.templateExecute) else { return }
        for (index, sample) in samples.enumerated() {
            let label = "sample \(index + 1) (template \(sample.template.name ?? "?"))"
            guard let body = try? PluginTestClient.encode(sample) else {
                report.record("\(label) can be encoded", transport, failure: "the sample does not encode as JSON")
                continue
            }
            let outcome = await attempt(path: PluginMethod.templateExecute.path, body: body)
            report.record(
                "\(label) is answered 200 with a valid ExecuteTemplateReply", transport,
                failure: outcome.problem(Self.validExecuteReply))
        }
    }

    /// Argo's contract for a reply to a template the plugin claims.
    static func validExecuteReply(_ result: PluginCallResult) -> String? {
        guard result.status == 200 else {
            return result.status == 503
                ? "the sample got 503 (transient); Argo would retry it, a conformance sample must complete: "
                    + show(result)
                : "expected 200, \(show(result))"
        }
        let reply: ExecuteTemplateReply
        do {
            reply = try result.decode(ExecuteTemplateReply.self)
        } catch {
            return "the body does not decode as ExecuteTemplateReply (\(error)): \(show(result))"
        }
        guard let node = reply.node else {
            return "the plugin answered {} for its own sample; with no other plugin Argo fails the node with "
                + "'no plugin executed the template'"
        }
        if let message = node.message, node.phase == .failed, ReplyRules.isStuckReplacement(message) {
            return "the SDK answered Failed in place of the handler's reply: \(message)"
        }
        guard let phase = node.phase else { return "the node has no phase: \(show(result))" }
        if case .unknown(let raw) = phase { return "the node's phase '\(raw)' is not one of Argo's: \(show(result))" }
        if phase.isTerminal, let requeue = reply.requeue {
            return "terminal phase \(phase) with requeue \(requeue): Argo would call the plugin again"
        }
        if !phase.isTerminal, (reply.requeue?.nanoseconds ?? 0) <= 0 {
            return "phase \(phase) without a positive requeue: Argo would never call again and the node hangs"
        }
        if phase == .failed || phase == .error, (node.message ?? "").isEmpty {
            return "phase \(phase) without a message: the user sees no reason in Argo's UI"
        }
        for parameter in node.outputs?.parameters ?? [] where parameter.name.isEmpty || parameter.value == nil {
            return "output parameter '\(parameter.name)' needs a name and a value: \(show(result))"
        }
        return nil
    }

    func hookChecks(into report: inout ConformanceReport) async {
        for method in methods.sorted(by: { $0.rawValue < $1.rawValue }) where method.isControllerHook {
            guard let (body, decodes) = Self.hookFixture(method) else { continue }
            let outcome = await attempt(path: method.path, body: body)
            report.record(
                "\(method) answers its fixture with 200 and a reply of its model", transport,
                failure: outcome.problem { result in
                    guard result.status == 200 else { return "expected 200, \(Self.show(result))" }
                    return decodes(result) ? nil : "the reply does not decode: \(Self.show(result))"
                })
        }
    }

    /// A valid body for a controller hook and a test that its reply decodes as the hook's reply model.
    static func hookFixture(_ method: PluginMethod) -> ([UInt8], (PluginCallResult) -> Bool)? {
        func make<A: Encodable, R: Decodable>(_ args: A, _ reply: R.Type) -> ([UInt8], (PluginCallResult) -> Bool)? {
            guard let body = try? PluginTestClient.encode(args) else { return nil }
            return (body, { (try? $0.decode(R.self)) != nil })
        }
        switch method {
        case .workflowPreOperate: return make(WorkflowPreOperateArgs.fixture(), WorkflowPreOperateReply.self)
        case .workflowPostOperate: return make(WorkflowPostOperateArgs.fixture(), WorkflowPostOperateReply.self)
        case .nodePreExecute: return make(NodePreExecuteArgs.fixture(), NodePreExecuteReply.self)
        case .nodePostExecute: return make(NodePostExecuteArgs.fixture(), NodePostExecuteReply.self)
        case .parametersAdd: return make(ParameterPreSubstitutionArgs.fixture(), ParameterPreSubstitutionReply.self)
        case .podPreCreate: return make(PodPreCreateArgs.fixture(), PodPreCreateReply.self)
        case .podPostCreate: return make(PodPostCreateArgs.fixture(), PodPostCreateReply.self)
        case .templateExecute:
            return make(ExecuteTemplateArgs.fixture(plugin: "conformance-foreign-plugin"), ExecuteTemplateReply.self)
        }
    }

    /// Calls each sample on the plugin directly and notes what the SDK would correct on the wire.
    static func notes<P: Plugin>(for plugin: P, samples: [ExecuteTemplateArgs], into report: inout ConformanceReport)
        async
    {
        guard let executor = plugin as? any TemplateExecutor else { return }
        for sample in samples {
            let context = PluginContext(
                method: .templateExecute, workflowName: sample.workflow.metadata.name ?? "",
                namespace: sample.workflow.metadata.namespace, workflowUID: sample.workflow.metadata.uid,
                templateName: sample.template.name ?? "", logger: PluginTestClient.quietLogger(),
                workflow: sample.workflow, template: sample.template)
            guard let reply = try? await executor.executeTemplate(sample, context: context),
                let phase = reply.node?.phase
            else { continue }
            let template = sample.template.name ?? "?"
            if phase.isTerminal && reply.requeue != nil {
                report.notes.append("template \(template): the handler returned \(phase) with a requeue; the SDK drops it")
            } else if !phase.isTerminal && reply.requeue == nil {
                report.notes.append(
                    "template \(template): the handler returned \(phase) without a requeue; the SDK adds the default")
            }
        }
    }
}
