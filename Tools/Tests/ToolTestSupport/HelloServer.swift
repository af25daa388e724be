import Foundation
import Logging
import PluginSDK

/// Argo's hello executor plugin, as Examples/HelloPlugin implements it: `Succeeded`, "Hello template!", foo=bar.
/// The tools' tests serve it in process so they need not build the example's package.
public struct HelloTemplate: TemplatePlugin {
    public static let key = "hello"
    public struct Parameters: Decodable, Sendable {}

    public init() {}

    public func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
        .succeeded(message: "Hello template!", outputs: Outputs().parameter("foo", "bar"))
    }
}

/// A ``HelloTemplate`` server (or another plugin's) on 127.0.0.1, port 0, with a fresh token file.
public enum HelloServer {
    /// Runs `body` with the server's URL, token and token file, then stops the server.
    public static func with(_ body: (_ url: String, _ token: String, _ tokenFile: String) async throws -> Void)
        async throws
    {
        try await with(HelloTemplate(), body)
    }

    /// Runs `body` with a server for `plugin`: its URL, token and token file; then stops the server.
    public static func with<P: Plugin>(
        _ plugin: P, _ body: (_ url: String, _ token: String, _ tokenFile: String) async throws -> Void
    ) async throws {
        let token = "hello-\(UUID().uuidString)"
        let tokenFile = NSTemporaryDirectory() + "tools-\(UUID().uuidString).token"
        try (token + "\n").write(toFile: tokenFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: tokenFile) }
        var configuration = PluginConfiguration()
        configuration.port = 0
        configuration.tokenFile = tokenFile
        var logger = Logger(label: "hello")
        logger.logLevel = .critical
        let server = try PluginServer(plugin: plugin, configuration: configuration, logger: logger)
        let port = try server.start()
        do {
            try await body("http://127.0.0.1:\(port)", token, tokenFile)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}

/// Paths in this repository.
public enum Repository {
    /// The repository root (Tools/Tests/ToolTestSupport/<this file> → four levels up).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A file or folder under the root, e.g. `Examples/HelloPlugin/hello-workflow.yaml`.
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// Argo's hello controller plugin, as Examples/HelloControllerPlugin implements it: `parameters.add` adds
/// `{{hello}}`, `workflow.preOperate` annotates, `node.preExecute` completes `hello` plugin nodes.
public struct HelloControllerHooks: ParametersAddHook, WorkflowPreOperateHook, NodePreExecuteHook {
    public init() {}

    public func parametersAdd(_ args: ParameterPreSubstitutionArgs, context: PluginContext) async throws
        -> ParameterPreSubstitutionReply
    {
        .adding(["hello": "good morning"])
    }

    public func workflowPreOperate(_ args: WorkflowPreOperateArgs, context: PluginContext) async throws
        -> WorkflowPreOperateReply
    {
        .merging(annotations: ["hello": "good morning"])
    }

    public func nodePreExecute(_ args: NodePreExecuteArgs, context: PluginContext) async throws -> NodePreExecuteReply {
        args.template.pluginConfig(for: "hello") == nil ? .proceed : .succeeded(message: "Hello workflow!")
    }
}
