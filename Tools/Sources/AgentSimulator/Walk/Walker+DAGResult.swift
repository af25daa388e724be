import ArgoModels

extension Walker {
    /// The DAG's outcome once nothing runs: stuck if a task would hang or waits on one, else the assessed phase,
    /// with the template's outputs when it succeeded.
    func finishDAG(
        _ template: JSONValue, scope: Scope, name: String, path: NodePath, site: CallSite,
        outcomes: [String: TaskOutcome], logic: DependsLogic, targets: [String], blocked: Set<String>, tasks: [JSONValue]
    ) async -> NodeOutcome {
        let stuck = outcomes.filter { $0.value.node.stuck }.map(\.key)
        let continuesOn: (String, NodePhase) -> Bool = { taskName, phase in
            let task = tasks.first { $0["name"]?.stringValue == taskName }
            return Self.continues(task?["continueOn"], on: phase)
        }
        let failFast = template["dag"]?["failFast"]?.boolValue ?? true
        guard stuck.isEmpty, blocked.isEmpty,
            let phase = DAGAssessment.phase(
                outcomes: outcomes, logic: logic, targets: targets, failFast: failFast, continuesOn: continuesOn)
        else {
            let waiting = (stuck + blocked).sorted().joined(separator: ", ")
            return await finish(path, NodeOutcome(
                name: name, phase: .running, message: "waiting for \(waiting), which would never finish", stuck: true))
        }
        guard phase == .succeeded else {
            await site.observer?(phase)
            return await finish(path, NodeOutcome(name: name, phase: phase))
        }
        var outputScope = scope
        for task in tasks {
            guard let taskName = task["name"]?.stringValue, let outcome = outcomes[taskName] else { continue }
            record(outcome, as: "tasks.\(taskName)", holder: task, in: &outputScope, site: site)
        }
        let outputs = await templateOutputs(template, scope: outputScope, name: name)
        await site.observer?(.succeeded)
        return await finish(path, NodeOutcome(name: name, phase: .succeeded, outputs: outputs))
    }

    /// Argo's `ContinuesOn`: `continueOn.failed` for `Failed`, `continueOn.error` for `Error`.
    static func continues(_ continueOn: JSONValue?, on phase: NodePhase) -> Bool {
        (phase == .failed && continueOn?["failed"]?.boolValue == true)
            || (phase == .error && continueOn?["error"]?.boolValue == true)
    }

    /// A steps or DAG template's `outputs.parameters`, from `valueFrom.parameter`, `valueFrom.expression` or
    /// `value`, resolved in the scope its steps or tasks left (Argo's `getTemplateOutputsFromScope`).
    func templateOutputs(_ template: JSONValue, scope: Scope, name: String) async -> Outputs? {
        let declared = template["outputs"]?["parameters"]?.arrayValue ?? []
        guard !declared.isEmpty else { return nil }
        var parameters: [Parameter] = []
        for parameter in declared {
            guard let parameterName = parameter["name"]?.stringValue else { continue }
            let fallback = parameter["valueFrom"]?["default"].flatMap(Placeholders.text)
            var value: String?
            if let expression = parameter["valueFrom"]?["expression"]?.stringValue {
                value = (try? ExprCondition.value(expression, environment: scope.expressionEnvironment))
                    .flatMap { $0 == .null ? nil : $0.placeholderText }
            } else if let source = (parameter["valueFrom"]?["parameter"] ?? parameter["value"]).flatMap(Placeholders.text) {
                let (text, unresolved) = scope.substitute(source)
                value = unresolved.isEmpty ? text : nil
            }
            if value == nil, fallback == nil {
                await ledger.note("\(name): output parameter \(parameterName) could not be resolved from its steps or tasks")
            }
            parameters.append(Parameter(name: parameterName, value: (value ?? fallback).map { AnyString($0) }))
        }
        return Outputs(parameters: parameters)
    }
}
