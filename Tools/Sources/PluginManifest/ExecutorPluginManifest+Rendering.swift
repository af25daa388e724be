extension ExecutorPluginManifest {
    /// The header Argo's CLI writes above a generated ConfigMap.
    public static let generatedHeader = "# This is an auto-generated file. DO NOT EDIT"

    /// The label key and value by which Argo's controller finds executor plugins among ConfigMaps.
    public static let configMapTypeLabel = (key: "workflows.argoproj.io/configmap-type", value: kind)

    /// The ConfigMap that Argo's `plugin.ToConfigMap` builds, as the YAML `argo executor-plugin build` writes.
    ///
    /// Name `<name>-executor-plugin`; the manifest's namespace, annotations and labels plus the type label; data
    /// `sidecar.automountServiceAccountToken` (`"true"` or `"false"`) and `sidecar.container` (the container as
    /// YAML, keys sorted). Argo's output also carries `creationTimestamp: null`, an artifact of marshalling an empty
    /// Go time; it is left out here, which changes nothing once applied.
    public func configMapYAML() throws -> String {
        var metadata: [String: YAMLValue] = [
            "name": .string(configMapName),
            "annotations": .mapping(annotations.mapValues(YAMLValue.string)),
            "labels": .mapping(
                labels.mapValues(YAMLValue.string).merging(
                    [Self.configMapTypeLabel.key: .string(Self.configMapTypeLabel.value)]
                ) { _, type in type }),
        ]
        if let namespace, !namespace.isEmpty { metadata["namespace"] = .string(namespace) }
        let configMap: YAMLValue = .mapping([
            "apiVersion": .string("v1"),
            "kind": .string("ConfigMap"),
            "metadata": .mapping(metadata),
            "data": .mapping([
                "sidecar.automountServiceAccountToken": .string(automountServiceAccountToken ? "true" : "false"),
                "sidecar.container": .string(try container.yamlDocument()),
            ]),
        ])
        return "\(Self.generatedHeader)\n\(try configMap.yamlDocument())"
    }

    /// The workflow-level form (Argo v4.1): a `spec.executorPlugins` entry carrying the same sidecar, to paste
    /// under a Workflow's `spec`. The controller must run with `ARGO_WORKFLOW_LEVEL_EXECUTOR_PLUGINS=true`, and
    /// plugins listed there replace the ConfigMap-installed ones for that workflow.
    public func workflowLevelYAML() throws -> String {
        var sidecar: [String: YAMLValue] = ["container": container]
        // Go's `omitempty` drops a false bool.
        if automountServiceAccountToken { sidecar["automountServiceAccountToken"] = .boolean(true) }
        let entry: YAMLValue = .mapping([
            "metadata": .mapping(["name": .string(name)]),
            "spec": .mapping(["sidecar": .mapping(sidecar)]),
        ])
        let fragment: YAMLValue = .mapping(["executorPlugins": .list([entry])])
        return """
            # Paste under the Workflow's spec. The controller needs ARGO_WORKFLOW_LEVEL_EXECUTOR_PLUGINS=true.
            \(try fragment.yamlDocument())
            """
    }
}
