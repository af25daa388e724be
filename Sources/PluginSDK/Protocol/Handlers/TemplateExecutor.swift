import ArgoModels

/// Serves `template.execute`, the executor plugin call, with the whole `ExecuteTemplateArgs`.
///
/// Argo's agent sends every plugin template of a workflow to the executor plugins one after the other until one
/// answers with a node. The order is random for each agent pod (Argo builds the list from Go maps), unless the
/// workflow declares its plugins (`spec.executorPlugins`, Argo v4.1), so never count on being asked first or last.
/// Reply `.notMine` (`{}`) for templates that are not yours: a 404 or another 4xx there would silence your plugin
/// or fail another plugin's step. Most plugins
/// adopt ``TemplatePlugin`` instead, which implements this handler for one plugin key with typed parameters. Adopt
/// `TemplateExecutor` directly to serve several keys or to read the arguments as Argo sent them.
///
/// ```swift
/// struct Echo: TemplateExecutor {
///     func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws
///         -> ExecuteTemplateReply
///     {
///         guard let config = args.template.pluginConfig(for: "echo") else { return .notMine }
///         return .succeeded(message: "\(config)")
///     }
/// }
/// ```
///
/// The agent gives a call 30 s and retries it with backoff on 503 (``TransientError``) and on connection errors;
/// any other error becomes a `Failed` node carrying its description. What it does with a reply: up to 16 calls run
/// at once (`ARGO_AGENT_TASK_WORKERS`); results reach the controller in batches, every 10 s
/// (`ARGO_AGENT_PATCH_RATE`); a reply with a `requeue` is called again after it on every phase but `Succeeded`
/// (on every phase before Argo v3.5), and a result with an empty phase is dropped. The SDK answers a node without a known phase as `Failed` and drops
/// the requeue of terminal phases, so no reply leaves a node waiting for ever.
public protocol TemplateExecutor: Plugin {
    /// `template.execute`: runs a plugin template for Argo's agent, or answers `{}` when the template is another
    /// plugin's.
    func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws -> ExecuteTemplateReply
}
