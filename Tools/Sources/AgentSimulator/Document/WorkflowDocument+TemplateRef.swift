import ArgoModels

extension WorkflowDocument {
    /// The workflow with its `spec.workflowTemplateRef` applied, as Argo's controller merges them: the referenced
    /// template's spec is the base, the workflow's own fields override it, and arguments are merged by name.
    ///
    /// - Throws: ``SimulationError`` when the referenced template was not given with `--templates`.
    public func resolvingWorkflowTemplateRef(in library: TemplateLibrary) throws -> WorkflowDocument {
        guard let reference = spec["workflowTemplateRef"] else { return self }
        let name = reference["name"]?.stringValue ?? ""
        let cluster = reference["clusterScope"]?.boolValue ?? false
        guard let base = library.context(name: name, clusterScope: cluster) else {
            throw SimulationError(
                "spec.workflowTemplateRef names \(cluster ? "ClusterWorkflowTemplate" : "WorkflowTemplate") '\(name)', "
                    + "which was not given: pass its file with --templates")
        }
        var merged = base.spec.objectValue ?? [:]
        for (key, value) in spec.objectValue ?? [:] where key != "workflowTemplateRef" && key != "arguments" {
            merged[key] = value
        }
        var parameters: [String: JSONValue] = [:]
        var order: [String] = []
        for parameter in (base.spec["arguments"]?["parameters"]?.arrayValue ?? [])
            + (spec["arguments"]?["parameters"]?.arrayValue ?? [])
        {
            guard let parameterName = parameter["name"]?.stringValue else { continue }
            if parameters[parameterName] == nil { order.append(parameterName) }
            parameters[parameterName] = parameter
        }
        merged["arguments"] = ["parameters": .array(order.compactMap { parameters[$0] })]
        var resolved = self
        resolved.spec = .object(merged)
        resolved.templates = try Self.templates(of: resolved.spec)
        resolved.parameters = Self.parameters(of: resolved.spec)
        resolved.entrypoint = resolved.spec["entrypoint"]?.stringValue ?? ""
        try resolved.checkEntrypoint()
        return resolved
    }
}
