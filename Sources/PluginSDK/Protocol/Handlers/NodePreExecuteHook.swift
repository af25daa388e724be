import ArgoModels

/// Serves `node.preExecute`: the controller asks you about a node before it runs it, and may ask several times.
///
/// A node result in the reply is merged into the node: this is how a controller plugin completes, skips or fails a
/// step without a pod, or runs a custom template. `.proceed` (`{}`) lets the node run as usual. A node without a
/// phase is sent as it is: merged, it changes only what it carries and the node runs as usual.
///
/// No released Argo calls controller hooks: only a development branch before v3.3 loaded `ControllerPlugin`
/// ConfigMaps (see <doc:ControllerHooks>).
///
/// ```swift
/// struct Shortcut: NodePreExecuteHook {
///     func nodePreExecute(_ args: NodePreExecuteArgs, context: PluginContext) async throws
///         -> NodePreExecuteReply
///     {
///         guard args.template.pluginConfig(for: "hello") != nil else { return .proceed }
///         return .succeeded(message: "Hello workflow!")
///     }
/// }
/// ```
///
/// Like every controller hook it gets about a second and is not retried; ``TransientError`` answers 503 and any
/// other error 500, which Argo treats as fatal for the node.
public protocol NodePreExecuteHook: Plugin {
    /// `node.preExecute`: before a node runs; the reply can complete, skip or fail it.
    func nodePreExecute(_ args: NodePreExecuteArgs, context: PluginContext) async throws -> NodePreExecuteReply
}
