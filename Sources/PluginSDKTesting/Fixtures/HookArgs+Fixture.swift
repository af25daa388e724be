import PluginSDK

extension WorkflowPreOperateArgs {
    /// `workflow.preOperate` arguments for a workflow with the fixture defaults.
    public static func fixture(workflow: Workflow = .fixture()) -> WorkflowPreOperateArgs {
        WorkflowPreOperateArgs(workflow: workflow)
    }
}

extension WorkflowPostOperateArgs {
    /// `workflow.postOperate` arguments; `new` defaults to `old`.
    public static func fixture(old: Workflow = .fixture(), new: Workflow? = nil) -> WorkflowPostOperateArgs {
        WorkflowPostOperateArgs(old: old, new: new ?? old)
    }
}

extension NodePreExecuteArgs {
    /// `node.preExecute` arguments for a plugin template and a pending node named after the workflow.
    ///
    /// ```swift
    /// let args = NodePreExecuteArgs.fixture(plugin: "hello")
    /// ```
    public static func fixture(
        plugin: String? = "hello", config: JSONValue = [:], inputs: [String: String] = [:],
        template: String = FixtureDefaults.templateName, workflow: Workflow = .fixture(),
        nodeID: String = "\(FixtureDefaults.workflowName)-1234567890"
    ) -> NodePreExecuteArgs {
        NodePreExecuteArgs(
            workflow: workflow, template: .fixture(name: template, plugin: plugin, config: config, inputs: inputs),
            node: NodeStatus(
                id: nodeID, name: workflow.metadata.name, displayName: workflow.metadata.name, type: .plugin,
                templateName: template, phase: .pending))
    }
}

extension NodePostExecuteArgs {
    /// `node.postExecute` arguments: the node before (`Running`) and after (`phase`, default `Succeeded`).
    public static func fixture(
        plugin: String? = "hello", template: String = FixtureDefaults.templateName,
        workflow: Workflow = .fixture(), phase: NodePhase = .succeeded,
        nodeID: String = "\(FixtureDefaults.workflowName)-1234567890"
    ) -> NodePostExecuteArgs {
        let old = NodeStatus(id: nodeID, name: workflow.metadata.name, templateName: template, phase: .running)
        var new = old
        new.phase = phase
        return NodePostExecuteArgs(
            workflow: workflow, template: .fixture(name: template, plugin: plugin), old: old, new: new)
    }
}

extension ParameterPreSubstitutionArgs {
    /// `parameters.add` arguments for a template with the fixture defaults.
    public static func fixture(
        plugin: String? = nil, template: String = FixtureDefaults.templateName, workflow: Workflow = .fixture()
    ) -> ParameterPreSubstitutionArgs {
        ParameterPreSubstitutionArgs(workflow: workflow, template: .fixture(name: template, plugin: plugin))
    }
}

extension PodPreCreateArgs {
    /// `pod.preCreate` / `pod.postCreate` arguments: a container template and a minimal pod named after it.
    public static func fixture(
        template: String = FixtureDefaults.templateName, workflow: Workflow = .fixture()
    ) -> PodPreCreateArgs {
        PodPreCreateArgs(
            workflow: workflow, template: .fixture(name: template, plugin: nil),
            pod: Pod(
                apiVersion: "v1", kind: "Pod",
                metadata: ObjectMeta(name: "\(workflow.metadata.name ?? "wf")-\(template)", namespace: workflow.metadata.namespace),
                spec: ["containers": [["name": "main", "image": "busybox"]]]))
    }
}
