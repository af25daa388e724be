import ArgoModels

/// The part of Argo's submit-time validation (`workflow/validate/validate.go`) that decides whether references
/// resolve: `{{steps.x.*}}`, `{{tasks.x.*}}`, `{{inputs.parameters.x}}`, `{{workflow.parameters.x}}` and `{{item}}`
/// must name something the template, an earlier step, a task or a loop declares. A reference to an output
/// parameter the producing template does not declare is rejected at submit, before anything runs, with Argo's
/// message (e.g. `templates.main.steps failed to resolve {{steps.a.outputs.parameters.nope}}`).
///
/// Like Argo, templates are validated depth first from the entrypoint (a step's template before the step's own
/// references), then the exit handler, then every other template.
struct ReferenceValidator {
    let document: WorkflowDocument
    let library: TemplateLibrary
    private var validated: Set<String> = []

    init(document: WorkflowDocument, library: TemplateLibrary) {
        self.document = document
        self.library = library
    }

    struct Rejection: Error, Sendable {
        var message: String
    }

    /// The first reference Argo would reject, as Argo words it.
    mutating func validate() throws(Rejection) {
        let local = TemplateContext(owner: "workflow", spec: document.spec, templates: document.templates)
        let entry: JSONValue = ["template": .string(document.entrypoint), "arguments": document.spec["arguments"] ?? [:]]
        if let callee = try validate(holder: entry, in: local), let missing = missingInput(callee.0, entry) {
            throw Rejection(message: missing)
        }
        for (name, hook) in (document.spec["hooks"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) where name != "exit" {
            if (hook["expression"]?.stringValue ?? "").isEmpty {
                throw Rejection(message: "hooks.\(name) Expression required")
            }
        }
        if let onExit = document.spec["onExit"]?.stringValue, !onExit.isEmpty {
            let exit: JSONValue = ["template": .string(onExit), "arguments": document.spec["arguments"] ?? [:]]
            if let callee = try validate(holder: exit, in: local), let missing = missingInput(callee.0, exit) {
                throw Rejection(message: missing)
            }
        }
        for name in document.templates.keys.sorted() {
            do throws(Rejection) {
                try validate(holder: ["template": .string(name)], in: local)
            } catch {
                throw Rejection(message: "templates.\(name) \(error.message)")
            }
        }
    }

    /// Validates the template `holder` refers to; returns it (nil when it cannot be found here, as for a
    /// `templateRef` not given with `--templates`, which is then not validated).
    @discardableResult
    mutating func validate(holder: JSONValue, in context: TemplateContext) throws(Rejection) -> (JSONValue, TemplateContext)? {
        guard let (template, owner) = resolve(holder, in: context) else { return nil }
        let key = "\(owner.owner)/\(template["name"]?.stringValue ?? "")"
        guard validated.insert(key).inserted else { return (template, owner) }
        if let invalid = Self.invalidOutput(template) { throw Rejection(message: invalid) }
        var scope = Set((template["inputs"]?["parameters"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
            .map { "inputs.parameters.\($0)" })
        scope.insert("inputs.parameters")
        if template["steps"] != nil {
            try validateSteps(template, scope: scope, context: owner)
        } else if template["dag"] != nil {
            try validateDAG(template, scope: scope, context: owner)
        } else if let tag = unresolved(in: template, scope: scope, loop: false).first {
            throw Rejection(message: "templates.\(template["name"]?.stringValue ?? ""): failed to resolve {{\(tag)}}")
        }
        return (template, owner)
    }

    func resolve(_ holder: JSONValue, in context: TemplateContext) -> (JSONValue, TemplateContext)? {
        if let inline = holder["inline"], inline.objectValue != nil { return (inline, context) }
        if let reference = holder["templateRef"] {
            guard let target = library.context(
                name: reference["name"]?.stringValue ?? "", clusterScope: reference["clusterScope"]?.boolValue ?? false),
                let template = target.templates[reference["template"]?.stringValue ?? ""]
            else { return nil }
            return (template, target)
        }
        guard let template = context.templates[holder["template"]?.stringValue ?? ""] else { return nil }
        return (template, context)
    }

    private mutating func validateSteps(_ template: JSONValue, scope: Set<String>, context: TemplateContext) throws(Rejection) {
        let name = template["name"]?.stringValue ?? ""
        var scope = scope
        var wildcards: Set<String> = []
        for (index, group) in (template["steps"]?.arrayValue ?? []).enumerated() {
            for step in group.arrayValue ?? group["steps"]?.arrayValue ?? [] {
                let stepName = step["name"]?.stringValue ?? ""
                scope.insert("steps.\(stepName).status")
                let callee: (JSONValue, TemplateContext)?
                do throws(Rejection) {
                    callee = try validate(holder: step, in: context)
                } catch {
                    throw Rejection(message: "templates.\(name).steps[\(index)].\(stepName) \(error.message)")
                }
                if callee == nil { wildcards.insert("steps.\(stepName).") }
                if step["onExit"] != nil || step["hooks"]?["exit"] != nil {
                    scope.formUnion(Self.outputs(of: callee?.0, prefix: "steps.\(stepName)", aggregate: false))
                }
                let loops = LoopExpansion.loops(step)
                if let tag = unresolved(in: step, scope: scope, loop: loops, wildcards: wildcards).first {
                    throw Rejection(message: "templates.\(name).steps failed to resolve {{\(tag)}}")
                }
                if let callee, let missing = missingInput(callee.0, step) {
                    throw Rejection(message: "templates.\(name).steps[\(index)].\(stepName) \(missing)")
                }
                let aggregate = step["withItems"] != nil || step["withParam"] != nil
                scope.formUnion(Self.outputs(of: callee?.0, prefix: "steps.\(stepName)", aggregate: aggregate))
            }
        }
    }

    /// Argo's `validateOutputParameter`: each output parameter has a `value` or exactly one `valueFrom` source.
    static func invalidOutput(_ template: JSONValue) -> String? {
        for parameter in template["outputs"]?["parameters"]?.arrayValue ?? [] {
            let reference = "templates.\(template["name"]?.stringValue ?? "").outputs.parameters.\(parameter["name"]?.stringValue ?? "")"
            let valueFrom = parameter["valueFrom"]
            if valueFrom != nil, parameter["value"] != nil {
                return "\(reference) has both valueFrom and value specified, choose one"
            }
            if parameter["value"] != nil { continue }
            guard let valueFrom else { return "\(reference) does not have valueFrom or value specified" }
            let sources = ["path", "jqFilter", "jsonPath", "parameter", "expression"]
                .filter { !(valueFrom[$0]?.stringValue ?? "").isEmpty }.count + (valueFrom["supplied"] == nil ? 0 : 1)
            if sources == 0 { return "valueFrom type unspecified. choose one of: path, jqFilter, jsonPath, parameter, raw, expression" }
            if sources > 1 { return "multiple valueFrom types specified. choose one of: path, jqFilter, jsonPath, parameter, raw" }
        }
        return nil
    }

    /// Argo's `ProcessArgs` with the caller's arguments: an input parameter with neither `value`, `default`,
    /// `valueFrom` nor an argument of its name is "was not supplied".
    func missingInput(_ template: JSONValue, _ holder: JSONValue) -> String? {
        let supplied = Set((holder["arguments"]?["parameters"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue })
        for parameter in template["inputs"]?["parameters"]?.arrayValue ?? [] {
            guard let name = parameter["name"]?.stringValue, !supplied.contains(name),
                parameter["value"] == nil, parameter["default"] == nil, parameter["valueFrom"] == nil
            else { continue }
            return "templates.\(template["name"]?.stringValue ?? "") inputs.parameters.\(name) was not supplied"
        }
        return nil
    }

    /// The references under a validated step's or task's name, as Argo's `addOutputsToScope` adds them.
    static func outputs(of template: JSONValue?, prefix: String, aggregate: Bool) -> Set<String> {
        var scope: Set<String> = ["\(prefix).id", "\(prefix).startedAt", "\(prefix).finishedAt", "\(prefix).hostNodeName"]
        guard let template else { return scope }
        let leaf = ["container", "script", "data", "http", "plugin", "containerSet"].contains { template[$0] != nil }
        if leaf { scope.formUnion(["\(prefix).outputs.result", "\(prefix).exitCode"]) }
        for parameter in template["outputs"]?["parameters"]?.arrayValue ?? [] {
            if let name = parameter["name"]?.stringValue { scope.insert("\(prefix).outputs.parameters.\(name)") }
        }
        if aggregate {
            scope.insert("\(prefix).outputs.parameters")
            if template["script"] != nil || template["containerSet"] != nil {
                scope.formUnion(["\(prefix).outputs.result", "\(prefix).exitCode"])
            }
        }
        return scope
    }
}
