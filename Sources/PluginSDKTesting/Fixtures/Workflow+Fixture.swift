import PluginSDK

extension Workflow {
    /// A workflow carrying what Argo's agent sends: name, namespace and UID.
    ///
    /// ```swift
    /// let workflow = Workflow.fixture(name: "nightly")
    /// ```
    public static func fixture(
        name: String = FixtureDefaults.workflowName, namespace: String = FixtureDefaults.namespace,
        uid: String = FixtureDefaults.workflowUID, annotations: [String: String]? = nil
    ) -> Workflow {
        Workflow(metadata: ObjectMeta(name: name, namespace: namespace, uid: uid, annotations: annotations))
    }
}

extension Template {
    /// A plugin template as Argo's agent sends it, after substitution: `plugin: {<plugin>: <config>}` and input
    /// parameters with their values (sorted by name). `plugin: nil` makes a template without a `plugin` object.
    ///
    /// ```swift
    /// let template = Template.fixture(plugin: "slack", config: ["text": "done"], inputs: ["channel": "#ci"])
    /// ```
    public static func fixture(
        name: String = FixtureDefaults.templateName, plugin: String? = "hello", config: JSONValue = [:],
        inputs: [String: String] = [:]
    ) -> Template {
        let parameters = inputs.sorted { $0.key < $1.key }.map { Parameter(name: $0.key, value: AnyString($0.value)) }
        return Template(
            name: name, inputs: parameters.isEmpty ? Inputs() : Inputs(parameters: parameters), outputs: Outputs(),
            plugin: plugin.map { [$0: config] })
    }
}
