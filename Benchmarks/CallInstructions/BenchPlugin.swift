import PluginSDK

/// The work of the two examples the bench measures, in one plugin: `HelloPlugin`'s `template.execute` (a
/// `TemplatePlugin` keyed `hello`) and `HelloControllerPlugin`'s `node.preExecute` (examples are executables,
/// which another executable cannot link).
struct BenchPlugin: TemplatePlugin, NodePreExecuteHook {
    static let key = "hello"

    struct Parameters: Decodable, Sendable {}

    func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
        context.logger.debug("saying hello")
        return .succeeded(message: "Hello template!", outputs: Outputs().parameter("foo", "bar"))
    }

    func nodePreExecute(_ args: NodePreExecuteArgs, context: PluginContext) async throws -> NodePreExecuteReply {
        guard args.template.pluginConfig(for: "hello") != nil else { return .proceed }
        context.logger.debug("completing hello node", metadata: ["argo.node": "\(args.node.id ?? "")"])
        return .succeeded(message: "Hello workflow!")
    }
}
