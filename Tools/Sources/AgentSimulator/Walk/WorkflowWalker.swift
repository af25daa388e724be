import ArgoModels

/// Walks a workflow from its entrypoint as Argo's controller would schedule it, running plugin templates through
/// the ``AgentExecutor`` and recording every node.
///
/// - `steps`: groups run in order, the steps of a group one after the other; a failed group stops the rest.
/// - `dag`: tasks run once their `dependencies` (or the task names in `depends`) have finished; a task whose
///   dependency failed is `Omitted`, as Argo does without `continueOn`.
/// - `withItems` expands a step or task per item (`{{item}}`, `{{item.key}}`); node names get Argo's `(i:item)`.
/// - Arguments are substituted in the caller's scope, then the callee's template gets its `inputs.parameters`
///   values and every `{{inputs.parameters.x}}`, `{{workflow.parameters.x}}`, `{{workflow.name}}`,
///   `{{steps.a.outputs.parameters.p}}` and `{{tasks.a.outputs.parameters.p}}` it uses.
/// - Templates of other types are listed as not run and assumed to succeed.
actor WorkflowWalker {
    let document: WorkflowDocument
    let executor: AgentExecutor
    let global: [String: String]
    let identity: JSONValue
    var nodes: [SimulatedNode] = []
    var unresolved: Set<String> = []
    var remarks: [String] = []

    init(document: WorkflowDocument, executor: AgentExecutor, identity: JSONValue, parameters: [String: String]) {
        self.document = document
        self.executor = executor
        self.identity = identity
        var global = [
            "workflow.name": document.name, "workflow.namespace": document.namespace,
            "workflow.uid": identity["uid"]?.stringValue ?? "",
        ]
        for (name, value) in parameters { global["workflow.parameters.\(name)"] = value }
        self.global = global
    }

    /// The outcome of one template call: did it succeed, and its output parameters.
    struct Outcome {
        var succeeded: Bool
        var outputs: [String: String] = [:]
        var phase: NodePhase
    }

    func run() async -> Outcome {
        await call(template: document.entrypoint, arguments: [:], node: document.name, depth: 0)
    }

    func call(template name: String, arguments: [String: String], node: String, depth: Int) async -> Outcome {
        guard depth < 30 else {
            return record(SimulatedNode(name: node, template: name, kind: .group, phase: .error, message: "templates nest deeper than 30 levels"))
        }
        guard let template = document.templates[name] else {
            return record(SimulatedNode(name: node, template: name, kind: .group, phase: .error, message: "template '\(name)' not found"))
        }
        var scope = global
        var inputs: [JSONValue] = []
        for parameter in template["inputs"]?["parameters"]?.arrayValue ?? [] {
            guard let parameterName = parameter["name"]?.stringValue else { continue }
            let declared = (parameter["value"] ?? parameter["default"]).flatMap(Placeholders.text)
            guard let value = arguments[parameterName] ?? declared else {
                return record(SimulatedNode(
                    name: node, template: name, kind: .group, phase: .error,
                    message: "inputs.parameters.\(parameterName) was not supplied"))
            }
            scope["inputs.parameters.\(parameterName)"] = value
            var filled = parameter.objectValue ?? [:]
            filled["value"] = .string(value)
            inputs.append(.object(filled))
        }
        if template["steps"] != nil { return await steps(template, scope: scope, node: node, depth: depth) }
        if template["dag"] != nil { return await dag(template, scope: scope, node: node, depth: depth) }
        guard template["plugin"] != nil else {
            let type = ["container", "script", "resource", "http", "suspend", "containerSet", "data"]
                .first { template[$0] != nil } ?? "unknown"
            var skipped = SimulatedNode(name: node, template: name, kind: .notSimulated)
            skipped.message = "\(type) template: not simulated, assumed to succeed"
            return record(skipped)
        }
        var sent = template.objectValue ?? [:]
        if !inputs.isEmpty {
            var inputsObject = sent["inputs"]?.objectValue ?? [:]
            inputsObject["parameters"] = .array(inputs)
            sent["inputs"] = .object(inputsObject)
        }
        let substituted = Placeholders(values: scope).apply(.object(sent), unresolved: &unresolved)
        let result = await executor.run(node: node, template: substituted, identity: identity)
        record(result)
        var outputs: [String: String] = [:]
        for parameter in result.outputs?.parameters ?? [] { outputs[parameter.name] = parameter.value?.string ?? "" }
        return Outcome(succeeded: result.succeeded, outputs: outputs, phase: result.phase ?? .failed)
    }

    @discardableResult
    func record(_ node: SimulatedNode) -> Outcome {
        nodes.append(node)
        return Outcome(succeeded: node.succeeded, phase: node.phase ?? .succeeded)
    }

    func remark(_ text: String) {
        if !remarks.contains(text) { remarks.append(text) }
    }

    /// The arguments a step or task passes, substituted in the caller's scope.
    func arguments(of step: JSONValue, scope: [String: String]) -> [String: String] {
        var arguments: [String: String] = [:]
        for parameter in step["arguments"]?["parameters"]?.arrayValue ?? [] {
            guard let name = parameter["name"]?.stringValue, let raw = parameter["value"].flatMap(Placeholders.text)
            else { continue }
            arguments[name] = Placeholders(values: scope).apply(raw, unresolved: &unresolved)
        }
        return arguments
    }

    /// `withItems` as (suffix, item placeholders); a single element without suffix when absent.
    func expansions(of step: JSONValue, name: String) -> [(String, [String: String])] {
        if step["withParam"] != nil || step["withSequence"] != nil {
            remark("\(name): withParam/withSequence are not expanded; the step runs once")
        }
        if step["when"] != nil { remark("\(name): `when` is not evaluated; the step runs") }
        guard let items = step["withItems"]?.arrayValue else { return [("", [:])] }
        return items.enumerated().map { index, item in
            var values = ["item": Placeholders.text(item) ?? ""]
            for (key, value) in item.objectValue ?? [:] { values["item.\(key)"] = Placeholders.text(value) ?? "" }
            return ("(\(index):\(Placeholders.text(item) ?? ""))", values)
        }
    }
}

extension WorkflowWalker {
    /// Sets the phase of the node recorded at `index`.
    func setPhase(at index: Int, _ phase: NodePhase) {
        nodes[index].phase = phase
    }
}
