import PluginSDK

/// Argo's hello controller plugin (examples/plugins/controller/hello on Argo's v3.3 line), in Swift.
///
/// - `parameters.add` adds the placeholder `{{hello}}` = `good morning`.
/// - `workflow.preOperate` annotates every workflow with `hello: good morning`.
/// - `node.preExecute` completes plugin templates that carry `hello` without running a pod:
///   `Succeeded`, `Hello workflow!`; other nodes run as usual.
///
/// The three protocols it adopts are the three methods it serves; every other method answers 404.
public struct HelloController: ParametersAddHook, WorkflowPreOperateHook, NodePreExecuteHook {
    public init() {}

    public func parametersAdd(_ args: ParameterPreSubstitutionArgs, context: PluginContext) async throws
        -> ParameterPreSubstitutionReply
    {
        .adding(["hello": "good morning"])
    }

    public func workflowPreOperate(_ args: WorkflowPreOperateArgs, context: PluginContext) async throws
        -> WorkflowPreOperateReply
    {
        .merging(annotations: ["hello": "good morning"])
    }

    public func nodePreExecute(_ args: NodePreExecuteArgs, context: PluginContext) async throws -> NodePreExecuteReply {
        guard args.template.pluginConfig(for: "hello") != nil else { return .proceed }
        context.logger.debug("completing hello node", metadata: ["argo.node": "\(args.node.id ?? "")"])
        return .succeeded(message: "Hello workflow!")
    }
}
