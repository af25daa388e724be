import ArgoModels

/// Serves `workflow.preOperate`: the controller shows you a workflow before it reconciles it.
///
/// A workflow in the reply is merged into Argo's as a JSON merge patch, so reply with only what should change
/// (annotations and labels, say), or `.unchanged`. Use it to validate a workflow, enforce a
/// constraint, record lineage or add metadata.
///
/// No released Argo calls controller hooks: only a development branch before v3.3 loaded `ControllerPlugin`
/// ConfigMaps (see <doc:ControllerHooks>).
///
/// ```swift
/// struct Stamp: WorkflowPreOperateHook {
///     func workflowPreOperate(_ args: WorkflowPreOperateArgs, context: PluginContext) async throws
///         -> WorkflowPreOperateReply
///     {
///         .merging(annotations: ["seen-by": "stamp"])
///     }
/// }
/// ```
///
/// Like every controller hook it gets about a second and is not retried; ``TransientError`` answers 503 and any
/// other error 500, which Argo treats as fatal for the workflow.
public protocol WorkflowPreOperateHook: Plugin {
    /// `workflow.preOperate`: view or change a workflow before the controller operates on it.
    func workflowPreOperate(_ args: WorkflowPreOperateArgs, context: PluginContext) async throws
        -> WorkflowPreOperateReply
}
