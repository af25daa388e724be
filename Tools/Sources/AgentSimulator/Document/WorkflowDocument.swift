import ArgoModels

/// The parts of a Workflow, WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow that the agent simulator
/// needs: templates by name, the entrypoint, workflow arguments and identity.
public struct WorkflowDocument: Sendable {
    /// `Workflow`, `WorkflowTemplate`, `ClusterWorkflowTemplate` or `CronWorkflow`.
    public var kind: String
    /// `metadata.name`, or `generateName` with a random suffix, as Argo names a submitted workflow.
    public var name: String
    /// `metadata.namespace`, or `argo`.
    public var namespace: String
    /// `spec.entrypoint`.
    public var entrypoint: String
    /// Every template under `spec.templates`, by name, as written.
    public var templates: [String: JSONValue]
    /// `spec.arguments.parameters`, name to value (or default).
    public var parameters: [String: String]

    /// Reads the first workflow-like document in `yaml`.
    ///
    /// - Throws: ``SimulationError`` naming what is wrong: invalid YAML, no workflow document, no entrypoint, an
    ///   entrypoint that names no template, templates without names.
    public init(yaml: String, suffix: String = WorkflowDocument.randomSuffix()) throws {
        let kinds = ["Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow"]
        let documents = try YAMLJSON.documents(yaml)
        guard let document = documents.first(where: { kinds.contains($0["kind"]?.stringValue ?? "") }) else {
            let found = documents.compactMap { $0["kind"]?.stringValue }
            throw SimulationError(
                "no Workflow, WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow in the file"
                    + (found.isEmpty ? "" : " (found: \(found.joined(separator: ", ")))"))
        }
        kind = document["kind"]?.stringValue ?? "Workflow"
        let spec = kind == "CronWorkflow" ? document["spec"]?["workflowSpec"] : document["spec"]
        guard let spec, spec.objectValue != nil else { throw SimulationError("the \(kind) has no spec") }
        let metadata = document["metadata"]
        if let fixed = metadata?["name"]?.stringValue, kind == "Workflow" {
            name = fixed
        } else {
            let base = metadata?["generateName"]?.stringValue ?? metadata?["name"]?.stringValue.map { $0 + "-" } ?? "simulated-"
            name = base + suffix
        }
        namespace = metadata?["namespace"]?.stringValue ?? "argo"
        guard let entry = spec["entrypoint"]?.stringValue, !entry.isEmpty else {
            throw SimulationError("spec.entrypoint is missing: Argo needs it to know where to start")
        }
        entrypoint = entry
        var templates: [String: JSONValue] = [:]
        for (index, template) in (spec["templates"]?.arrayValue ?? []).enumerated() {
            guard let templateName = template["name"]?.stringValue else {
                throw SimulationError("spec.templates[\(index)] has no name")
            }
            templates[templateName] = template
        }
        guard templates[entry] != nil else {
            let known = templates.keys.sorted().joined(separator: ", ")
            throw SimulationError("the entrypoint '\(entry)' names no template (templates: \(known.isEmpty ? "none" : known))")
        }
        self.templates = templates
        var parameters: [String: String] = [:]
        for parameter in spec["arguments"]?["parameters"]?.arrayValue ?? [] {
            guard let parameterName = parameter["name"]?.stringValue else { continue }
            if let value = (parameter["value"] ?? parameter["default"]).flatMap(Placeholders.text) {
                parameters[parameterName] = value
            }
        }
        self.parameters = parameters
    }

    /// Five lower-case letters and digits, like the suffix Argo appends to `generateName`.
    public static func randomSuffix() -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<5).map { _ in alphabet.randomElement()! })
    }
}
