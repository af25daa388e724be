import ArgoModels

/// An Argo Workflows plugin: one typed async handler per RPC that Argo may call.
///
/// Implement the handlers your plugin serves and list them in ``methods``; every other method answers 404, which
/// tells Argo never to call it again. For the common executor case, adopt ``TemplatePlugin`` instead: it names the
/// plugin key, decodes your parameters and answers `{}` for templates that are not yours.
///
/// ```swift
/// struct Echo: Plugin {
///     var methods: Set<PluginMethod> { [.templateExecute] }
///
///     func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws
///         -> ExecuteTemplateReply
///     {
///         guard args.template.plugin?["echo"] != nil else { return .notMine }
///         return .succeeded(message: "echoed \(context.templateName)")
///     }
/// }
/// ```
///
/// Errors thrown by a handler: ``TransientError`` answers 503 (Argo retries with backoff); any other error becomes a
/// `Failed` node carrying the error's description.
public protocol Plugin: Sendable {
    /// The methods this plugin serves. Calls to any other method answer 404.
    var methods: Set<PluginMethod> { get }

    /// A short name for logs. Defaults to the type's name.
    var name: String { get }

    /// `template.execute`: runs a plugin template for Argo's agent.
    ///
    /// Return ``ExecuteTemplateReply/notMine`` (`{}`) for templates this plugin does not handle: Argo asks every
    /// plugin about every plugin template.
    func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws -> ExecuteTemplateReply

    /// Called once when the server shuts down, after in-flight calls have finished or the grace period has run out.
    /// Use it to cancel remote work or flush state. The default does nothing.
    func shutdown() async
}

extension Plugin {
    /// The type's name.
    public var name: String { String(describing: Self.self) }

    /// Answers 404: the plugin does not serve `template.execute`.
    public func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws
        -> ExecuteTemplateReply
    {
        throw MethodNotImplemented(method: .templateExecute)
    }

    /// Does nothing.
    public func shutdown() async {}
}

/// Thrown by the default handler of a method the plugin does not implement; answered with 404.
public struct MethodNotImplemented: Error, CustomStringConvertible {
    /// The method that was called.
    public var method: PluginMethod

    /// Creates the error for `method`.
    public init(method: PluginMethod) {
        self.method = method
    }

    /// A readable message.
    public var description: String { "method \(method) is not implemented by this plugin" }
}
