import PluginSDK

extension ExecuteTemplateArgs {
    /// `template.execute` arguments in one line, shaped like the body Argo's agent sends: the workflow's name,
    /// namespace and UID, and the template with its plugin configuration and input parameters.
    ///
    /// ```swift
    /// let args = ExecuteTemplateArgs.fixture(plugin: "hello", config: ["greeting": "hi"], inputs: ["x": "1"])
    /// let reply = try await client.execute(args)
    /// ```
    public static func fixture(
        plugin: String = "hello", config: JSONValue = [:], inputs: [String: String] = [:],
        template: String = FixtureDefaults.templateName, workflow: String = FixtureDefaults.workflowName,
        namespace: String = FixtureDefaults.namespace, uid: String = FixtureDefaults.workflowUID
    ) -> ExecuteTemplateArgs {
        ExecuteTemplateArgs(
            workflow: .fixture(name: workflow, namespace: namespace, uid: uid),
            template: .fixture(name: template, plugin: plugin, config: config, inputs: inputs))
    }
}
