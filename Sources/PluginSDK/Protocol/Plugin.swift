import ArgoModels

/// An Argo Workflows plugin: one typed async handler per RPC that Argo may call.
///
/// Implement the handlers your plugin serves and list them in ``methods``; every other method answers 404, which
/// tells Argo never to call it again. One plugin may serve executor and controller methods together. For the
/// common executor case, adopt ``TemplatePlugin`` instead: it names the plugin key, decodes your parameters and
/// answers `{}` for templates that are not yours.
///
/// ```swift
/// struct Greeter: Plugin {
///     var methods: Set<PluginMethod> { [.parametersAdd, .workflowPreOperate] }
///
///     func parametersAdd(_ args: ParameterPreSubstitutionArgs, context: PluginContext) async throws
///         -> ParameterPreSubstitutionReply
///     {
///         .adding(["hello": "good morning"])
///     }
///
///     func workflowPreOperate(_ args: WorkflowPreOperateArgs, context: PluginContext) async throws
///         -> WorkflowPreOperateReply
///     {
///         .merging(annotations: ["hello": "good morning"])
///     }
/// }
/// ```
///
/// Errors thrown by a handler: ``TransientError`` answers 503 (Argo retries executor calls with backoff; the
/// controller treats it as transient). Any other error fails the node for `template.execute` (a `Failed` node
/// with the error's description) and answers 500 for controller hooks, which Argo treats as fatal for the node or
/// workflow.
public protocol Plugin: Sendable {
    /// The methods this plugin serves. Calls to any other method answer 404.
    var methods: Set<PluginMethod> { get }

    /// A short name for logs. Defaults to the type's name.
    var name: String { get }

    /// `template.execute`: runs a plugin template for Argo's agent.
    ///
    /// Return `ExecuteTemplateReply.notMine` (`{}`) for templates this plugin does not handle: Argo asks every
    /// plugin about every plugin template.
    func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws -> ExecuteTemplateReply

    /// `workflow.preOperate`: view or change a workflow before the controller operates on it. A workflow in the
    /// reply is merged into Argo's (e.g. annotations and labels).
    func workflowPreOperate(_ args: WorkflowPreOperateArgs, context: PluginContext) async throws
        -> WorkflowPreOperateReply

    /// `workflow.postOperate`: see the workflow before (`old`) and after (`new`) an operation, e.g. to notify.
    func workflowPostOperate(_ args: WorkflowPostOperateArgs, context: PluginContext) async throws
        -> WorkflowPostOperateReply

    /// `node.preExecute`: before a node runs. A node result in the reply is merged into the node: this is how a
    /// controller plugin short-circuits a step or runs a custom template.
    func nodePreExecute(_ args: NodePreExecuteArgs, context: PluginContext) async throws -> NodePreExecuteReply

    /// `node.postExecute`: after a node ran, with the node before (`old`) and after (`new`).
    func nodePostExecute(_ args: NodePostExecuteArgs, context: PluginContext) async throws -> NodePostExecuteReply

    /// `parameters.add`: placeholders to add for parameter substitution.
    func parametersAdd(_ args: ParameterPreSubstitutionArgs, context: PluginContext) async throws
        -> ParameterPreSubstitutionReply

    /// `pod.preCreate` (SDK-defined name): add labels, annotations or a sidecar to a pod, or refuse to create it.
    func podPreCreate(_ args: PodPreCreateArgs, context: PluginContext) async throws -> PodPreCreateReply

    /// `pod.postCreate` (SDK-defined name): observe a pod after it was created.
    func podPostCreate(_ args: PodPostCreateArgs, context: PluginContext) async throws -> PodPostCreateReply

    /// Called once when the server shuts down, after in-flight calls have finished or the grace period has run out.
    /// Use it to cancel remote work or flush state. The default does nothing.
    func shutdown() async
}
