import PluginSDK

/// Serves every method, echoing parts of what it decoded, so replies carry fuzzed data back through the encoder.
///
/// `template.execute` with `plugin: {fuzz: {outcome, message}}`: `fail` throws (a `Failed` node), `transient`
/// throws `TransientError` (503), `running` returns Running without requeue (the SDK adds one); anything else
/// succeeds. Hooks never throw, so a 500 can only come from the SDK itself.
struct FuzzPlugin:
    TemplatePlugin, WorkflowPreOperateHook, WorkflowPostOperateHook, NodePreExecuteHook, NodePostExecuteHook,
    ParametersAddHook, PodPreCreateHook, PodPostCreateHook
{
    static let key = "fuzz"

    struct Parameters: Decodable, Sendable {
        var outcome: String?
        var message: String?
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
        let message = parameters.message ?? context.workflowName
        context.logger.trace("executing", metadata: ["message": "\(message)"])
        switch parameters.outcome {
        case "fail": throw Failure(description: message)
        case "transient": throw TransientError(message)
        case "running": return ExecuteTemplateReply(node: NodeResult(phase: .running, message: message))
        default: return .succeeded(message: message, outputs: Outputs().parameter("echo", message))
        }
    }

    func workflowPreOperate(_ args: WorkflowPreOperateArgs, context: PluginContext) async throws
        -> WorkflowPreOperateReply
    {
        .merging(annotations: ["seen": args.workflow.metadata.name ?? ""], labels: args.workflow.metadata.labels ?? [:])
    }

    func workflowPostOperate(_ args: WorkflowPostOperateArgs, context: PluginContext) async throws
        -> WorkflowPostOperateReply
    {
        WorkflowPostOperateReply()
    }

    func nodePreExecute(_ args: NodePreExecuteArgs, context: PluginContext) async throws -> NodePreExecuteReply {
        args.template.pluginConfig(for: "skip") != nil ? .skip(args.node.name ?? "") : .proceed
    }

    func nodePostExecute(_ args: NodePostExecuteArgs, context: PluginContext) async throws -> NodePostExecuteReply {
        NodePostExecuteReply()
    }

    func parametersAdd(_ args: ParameterPreSubstitutionArgs, context: PluginContext) async throws
        -> ParameterPreSubstitutionReply
    {
        .adding(["workflow": context.workflowName, "template": context.templateName])
    }

    func podPreCreate(_ args: PodPreCreateArgs, context: PluginContext) async throws -> PodPreCreateReply {
        .create(args.pod.addingLabel("fuzzed", "yes"))
    }

    func podPostCreate(_ args: PodPostCreateArgs, context: PluginContext) async throws -> PodPostCreateReply {
        PodPostCreateReply()
    }
}
