import ArgoModels

/// A template found for a step, task or hook, and the context its own references resolve in.
struct ResolvedTemplate: Sendable {
    var template: JSONValue
    var context: TemplateContext
}

extension Walker {
    enum Resolution {
        case found(ResolvedTemplate)
        /// Argo would error the node, with this message.
        case error(String)
        /// A `templateRef` to a WorkflowTemplate the user did not give; not evaluated.
        case notGiven(String)
    }

    /// Argo's `ResolveTemplate`: `inline`, `templateRef` (into a WorkflowTemplate or ClusterWorkflowTemplate, whose
    /// own `template:` references then resolve inside it) or `template` in the current context.
    func resolve(_ holder: JSONValue, in context: TemplateContext) -> Resolution {
        if let inline = holder["inline"], inline.objectValue != nil {
            return .found(ResolvedTemplate(template: inline, context: context))
        }
        if let reference = holder["templateRef"] {
            let owner = reference["name"]?.stringValue ?? ""
            let name = reference["template"]?.stringValue ?? ""
            let cluster = reference["clusterScope"]?.boolValue ?? false
            guard let target = library.context(name: owner, clusterScope: cluster) else {
                return .notGiven("\(cluster ? "ClusterWorkflowTemplate" : "WorkflowTemplate") \(owner)")
            }
            guard let template = target.templates[name] else {
                return .error("template \(name) not found in workflow template \(owner)")
            }
            return .found(ResolvedTemplate(template: template, context: target))
        }
        let name = holder["template"]?.stringValue ?? ""
        guard let template = context.templates[name] else { return .error("template \(name) not found") }
        return .found(ResolvedTemplate(template: template, context: context))
    }

    /// Argo's `ProcessArgs`: each input parameter takes the argument of the same name, else its `value`, else its
    /// `default` (workflow variables in those substituted); the template's scope gets `inputs.parameters.*`,
    /// `workflow.*`, `node.name` and `steps.name`/`tasks.name`.
    func bindInputs(_ template: JSONValue, arguments: [String: String], name: String, site: CallSite)
        -> Result<(JSONValue, Scope), BindingError>
    {
        var scope = Scope(global)
        scope.values["node.name"] = name
        if let caller = site.caller { scope.values["\(caller.kind).name"] = caller.name }
        var inputs: [JSONValue] = []
        for parameter in template["inputs"]?["parameters"]?.arrayValue ?? [] {
            guard let parameterName = parameter["name"]?.stringValue else { continue }
            let declared = (parameter["value"] ?? parameter["default"]).flatMap(Placeholders.text)
                .map { Scope(global).substitute($0).0 }
            guard let value = arguments[parameterName] ?? declared else {
                return .failure(BindingError("inputs.parameters.\(parameterName) was not supplied"))
            }
            scope.values["inputs.parameters.\(parameterName)"] = value
            var filled = parameter.objectValue ?? [:]
            filled["value"] = .string(value)
            inputs.append(.object(filled))
        }
        guard !inputs.isEmpty, var object = template.objectValue else { return .success((template, scope)) }
        var inputsObject = object["inputs"]?.objectValue ?? [:]
        inputsObject["parameters"] = .array(inputs)
        object["inputs"] = .object(inputsObject)
        return .success((.object(object), scope))
    }

    /// Names fields that change how Argo schedules a template but that the simulator does not model.
    func noteUnsupportedFields(of template: JSONValue, node: String) async {
        let name = template["name"]?.stringValue ?? node
        let fields = ["parallelism", "synchronization", "memoize", "timeout", "activeDeadlineSeconds", "daemon"]
        for field in fields where template[field] != nil {
            await ledger.note("templates.\(name).\(field) is not evaluated (the simulator runs without it)")
        }
        if template["failFast"] != nil, template["dag"] == nil {
            await ledger.note("templates.\(name).failFast is not evaluated")
        }
        if template["inputs"]?["artifacts"] != nil || template["outputs"]?["artifacts"] != nil {
            await ledger.note("templates.\(name): artifacts are not evaluated")
        }
    }
}

/// Why a template's inputs could not be bound (Argo errors the node with this message).
struct BindingError: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
