/// An Argo Workflows plugin. Adopt it through the protocol of each RPC you serve: the conformances are the list of
/// methods, so a handler the SDK never calls cannot compile.
///
/// | protocol | method | called by |
/// |---|---|---|
/// | ``TemplatePlugin`` or ``TemplateExecutor`` | `template.execute` | Argo's agent, for plugin templates |
/// | ``WorkflowPreOperateHook`` | `workflow.preOperate` | the workflow controller (of a pre-v3.3 branch, no release) |
/// | ``WorkflowPostOperateHook`` | `workflow.postOperate` | the workflow controller (of a pre-v3.3 branch, no release) |
/// | ``NodePreExecuteHook`` | `node.preExecute` | the workflow controller (of a pre-v3.3 branch, no release) |
/// | ``NodePostExecuteHook`` | `node.postExecute` | the workflow controller (of a pre-v3.3 branch, no release) |
/// | ``ParametersAddHook`` | `parameters.add` | the workflow controller (of a pre-v3.3 branch, no release) |
/// | ``PodPreCreateHook`` | `pod.preCreate` (this SDK's name; no Argo release calls it) | — |
/// | ``PodPostCreateHook`` | `pod.postCreate` (this SDK's name; no Argo release calls it) | — |
///
/// Each of those protocols has exactly one requirement and no default, so a handler whose signature is off is a
/// "does not conform" error rather than an overload nobody calls. Every method you do not adopt answers 404, which
/// tells Argo never to call it again; ``servedMethods`` lists what is served, and the start-up log prints it. A
/// plugin that adopts none of them refuses to start. One plugin may serve executor and controller methods together.
///
/// ```swift
/// struct Greeter: ParametersAddHook, WorkflowPreOperateHook {
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
    /// A short name for logs. Defaults to the type's name.
    var name: String { get }

    /// Called once when the server shuts down, after in-flight calls have finished or the grace period has run out.
    /// Use it to cancel remote work or flush state; an error it throws is logged. The default does nothing.
    ///
    /// The requirement throws so that both `func shutdown() async` and `func shutdown() async throws` implement it:
    /// neither can become an overload the SDK never calls.
    func shutdown() async throws
}
