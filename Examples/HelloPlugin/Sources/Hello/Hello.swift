import PluginSDK

/// Argo's documented hello executor plugin, in Swift.
///
/// For templates with `plugin: {hello: {}}` it replies `Succeeded` with the message `Hello template!` and the
/// output parameter `foo=bar`; every other template gets `{}` (not mine).
public struct Hello: TemplatePlugin {
    public static let key = "hello"

    /// `hello` takes no parameters; any fields present are ignored.
    public struct Parameters: Decodable, Sendable {}

    public init() {}

    public func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
        context.logger.debug("saying hello")
        return .succeeded(message: "Hello template!", outputs: Outputs().parameter("foo", "bar"))
    }
}
