import ArgoModels

/// Serves `workflow.postOperate`: the controller shows you a workflow before (`old`) and after (`new`) an
/// operation, before it persists the change.
///
/// The reply carries nothing Argo uses: observe, don't change. Use it to report progress or to notify when a
/// workflow completes or errors.
///
/// No released Argo calls controller hooks: only a development branch before v3.3 loaded `ControllerPlugin`
/// ConfigMaps (see <doc:ControllerHooks>).
///
/// ```swift
/// struct Notifier: WorkflowPostOperateHook {
///     func workflowPostOperate(_ args: WorkflowPostOperateArgs, context: PluginContext) async throws
///         -> WorkflowPostOperateReply
///     {
///         let completed = args.new?.metadata.labels?["workflows.argoproj.io/completed"] == "true"
///         if completed { context.logger.info("workflow completed") }
///         return WorkflowPostOperateReply()
///     }
/// }
/// ```
///
/// Like every controller hook it gets about a second and is not retried.
public protocol WorkflowPostOperateHook: Plugin {
    /// `workflow.postOperate`: see the workflow before and after an operation, e.g. to notify.
    func workflowPostOperate(_ args: WorkflowPostOperateArgs, context: PluginContext) async throws
        -> WorkflowPostOperateReply
}
