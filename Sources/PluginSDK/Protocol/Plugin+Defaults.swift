import ArgoModels

// Default handlers: each answers 404 through `MethodNotImplemented`, so a plugin implements only what it serves.
extension Plugin {
    /// The type's name.
    public var name: String { String(describing: Self.self) }

    /// Answers 404.
    public func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws
        -> ExecuteTemplateReply
    { throw MethodNotImplemented(method: .templateExecute) }

    /// Answers 404.
    public func workflowPreOperate(_ args: WorkflowPreOperateArgs, context: PluginContext) async throws
        -> WorkflowPreOperateReply
    { throw MethodNotImplemented(method: .workflowPreOperate) }

    /// Answers 404.
    public func workflowPostOperate(_ args: WorkflowPostOperateArgs, context: PluginContext) async throws
        -> WorkflowPostOperateReply
    { throw MethodNotImplemented(method: .workflowPostOperate) }

    /// Answers 404.
    public func nodePreExecute(_ args: NodePreExecuteArgs, context: PluginContext) async throws
        -> NodePreExecuteReply
    { throw MethodNotImplemented(method: .nodePreExecute) }

    /// Answers 404.
    public func nodePostExecute(_ args: NodePostExecuteArgs, context: PluginContext) async throws
        -> NodePostExecuteReply
    { throw MethodNotImplemented(method: .nodePostExecute) }

    /// Answers 404.
    public func parametersAdd(_ args: ParameterPreSubstitutionArgs, context: PluginContext) async throws
        -> ParameterPreSubstitutionReply
    { throw MethodNotImplemented(method: .parametersAdd) }

    /// Answers 404.
    public func podPreCreate(_ args: PodPreCreateArgs, context: PluginContext) async throws -> PodPreCreateReply {
        throw MethodNotImplemented(method: .podPreCreate)
    }

    /// Answers 404.
    public func podPostCreate(_ args: PodPostCreateArgs, context: PluginContext) async throws -> PodPostCreateReply {
        throw MethodNotImplemented(method: .podPostCreate)
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
