import ArgoModels

/// Serves `template.execute`, the executor plugin call, with the whole `ExecuteTemplateArgs`.
///
/// Argo's agent sends every plugin template of a workflow to every executor plugin, in the order the plugins are
/// installed, until one answers with a node. Reply `.notMine` (`{}`) for templates that are
/// not yours: a 404 or another 4xx there would silence your plugin or fail another plugin's step. Most plugins
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
/// any other error becomes a `Failed` node carrying its description.
public protocol TemplateExecutor: Plugin {
    /// `template.execute`: runs a plugin template for Argo's agent, or answers `{}` when the template is another
    /// plugin's.
    func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws -> ExecuteTemplateReply
}
