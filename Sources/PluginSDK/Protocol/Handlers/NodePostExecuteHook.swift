import ArgoModels

/// Serves `node.postExecute`: the controller shows you a node before (`old`) and after (`new`) it ran.
///
/// The reply carries nothing Argo uses: observe, don't change. Use it to notify when a step completes.
///
/// No released Argo calls controller hooks: only a development branch before v3.3 loaded `ControllerPlugin`
/// ConfigMaps (see <doc:ControllerHooks>).
///
/// ```swift
/// struct StepLog: NodePostExecuteHook {
///     func nodePostExecute(_ args: NodePostExecuteArgs, context: PluginContext) async throws
///         -> NodePostExecuteReply
///     {
///         context.logger.info("node ran", metadata: ["phase": "\(args.new?.phase?.rawValue ?? "?")"])
///         return NodePostExecuteReply()
///     }
/// }
/// ```
///
/// Like every controller hook it gets about a second and is not retried.
public protocol NodePostExecuteHook: Plugin {
    /// `node.postExecute`: after a node ran, with the node before and after.
    func nodePostExecute(_ args: NodePostExecuteArgs, context: PluginContext) async throws -> NodePostExecuteReply
}
