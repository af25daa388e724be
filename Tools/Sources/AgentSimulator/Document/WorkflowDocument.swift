import ArgoModels

/// The parts of a Workflow, WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow that the agent simulator
/// needs: templates by name, the entrypoint, workflow arguments, identity, and the spec for everything else
/// (`onExit`, `hooks`, `retryStrategy`, `executorPlugins`, ...).
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
    /// The workflow spec as written (a CronWorkflow's `workflowSpec`).
    public var spec: JSONValue
    /// `metadata.labels` and `metadata.annotations`, for `{{workflow.labels.x}}` and `{{workflow.annotations.x}}`.
    public var labels: [String: String] = [:]
    public var annotations: [String: String] = [:]

    /// Reads the first workflow-like document in `yaml`.
    ///
    /// - Throws: ``SimulationError`` naming what is wrong: invalid YAML, no workflow document, no entrypoint, an
    ///   entrypoint that names no template, templates without names. A workflow with `spec.workflowTemplateRef`
    ///   may leave both to the referenced template (see ``resolvingWorkflowTemplateRef(in:)``).
    public init(yaml: String, suffix: String = WorkflowDocument.randomSuffix()) throws {
        let kinds = ["Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow"]
        let documents = try YAMLJSON.documents(yaml)
        guard let document = documents.first(where: { kinds.contains($0["kind"]?.stringValue ?? "") }) else {
            let found = documents.compactMap { $0["kind"]?.stringValue }
            throw SimulationError(
                "no Workflow, WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow in the file"
                    + (found.isEmpty ? "" : " (found: \(found.joined(separator: ", ")))"))
        }
        try self.init(document: document, suffix: suffix)
    }

    init(document: JSONValue, suffix: String) throws {
        kind = document["kind"]?.stringValue ?? "Workflow"
        let spec = kind == "CronWorkflow" ? document["spec"]?["workflowSpec"] : document["spec"]
        guard let spec, spec.objectValue != nil else { throw SimulationError("the \(kind) has no spec") }
        self.spec = spec
        let metadata = document["metadata"]
        if let fixed = metadata?["name"]?.stringValue, kind == "Workflow" {
            name = fixed
        } else {
            let base = metadata?["generateName"]?.stringValue ?? metadata?["name"]?.stringValue.map { $0 + "-" } ?? "simulated-"
            name = base + suffix
        }
        namespace = metadata?["namespace"]?.stringValue ?? "argo"
        labels = (metadata?["labels"]?.objectValue ?? [:]).compactMapValues(Placeholders.text)
        annotations = (metadata?["annotations"]?.objectValue ?? [:]).compactMapValues(Placeholders.text)
        templates = try Self.templates(of: spec)
        parameters = Self.parameters(of: spec)
        entrypoint = spec["entrypoint"]?.stringValue ?? ""
        guard spec["workflowTemplateRef"] == nil else { return }
        try checkEntrypoint()
    }

    func checkEntrypoint() throws {
        guard !entrypoint.isEmpty else {
            throw SimulationError("spec.entrypoint is missing: Argo needs it to know where to start")
        }
        guard templates[entrypoint] != nil else {
            let known = templates.keys.sorted().joined(separator: ", ")
            throw SimulationError("the entrypoint '\(entrypoint)' names no template (templates: \(known.isEmpty ? "none" : known))")
        }
    }

    static func templates(of spec: JSONValue) throws -> [String: JSONValue] {
        var templates: [String: JSONValue] = [:]
        for (index, template) in (spec["templates"]?.arrayValue ?? []).enumerated() {
            guard let templateName = template["name"]?.stringValue else {
                throw SimulationError("spec.templates[\(index)] has no name")
            }
            templates[templateName] = template
        }
        return templates
    }

    static func parameters(of spec: JSONValue) -> [String: String] {
        var parameters: [String: String] = [:]
        for parameter in spec["arguments"]?["parameters"]?.arrayValue ?? [] {
            guard let parameterName = parameter["name"]?.stringValue else { continue }
            if let value = (parameter["value"] ?? parameter["default"]).flatMap(Placeholders.text) {
                parameters[parameterName] = value
            }
        }
        return parameters
    }

    /// Five lower-case letters and digits, like the suffix Argo appends to `generateName`.
    public static func randomSuffix() -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<5).map { _ in alphabet.randomElement()! })
    }
}
