import Foundation
import Logging
import PluginSDK

extension PluginTestClient {
    /// Calls `template.execute` with `args` and decodes the reply; throws ``PluginCallError`` unless the plugin
    /// answered 200 with a valid `ExecuteTemplateReply`.
    ///
    /// ```swift
    /// let reply = try await client.execute(.fixture(plugin: "hello", inputs: ["name": "Ada"]))
    /// ```
    public func execute(_ args: ExecuteTemplateArgs) async throws -> ExecuteTemplateReply {
        try await typed(.templateExecute, args, as: ExecuteTemplateReply.self)
    }

    /// Calls `workflow.preOperate`.
    public func workflowPreOperate(_ args: WorkflowPreOperateArgs) async throws -> WorkflowPreOperateReply {
        try await typed(.workflowPreOperate, args, as: WorkflowPreOperateReply.self)
    }

    /// Calls `workflow.postOperate`.
    public func workflowPostOperate(_ args: WorkflowPostOperateArgs) async throws -> WorkflowPostOperateReply {
        try await typed(.workflowPostOperate, args, as: WorkflowPostOperateReply.self)
    }

    /// Calls `node.preExecute`.
    public func nodePreExecute(_ args: NodePreExecuteArgs) async throws -> NodePreExecuteReply {
        try await typed(.nodePreExecute, args, as: NodePreExecuteReply.self)
    }

    /// Calls `node.postExecute`.
    public func nodePostExecute(_ args: NodePostExecuteArgs) async throws -> NodePostExecuteReply {
        try await typed(.nodePostExecute, args, as: NodePostExecuteReply.self)
    }

    /// Calls `parameters.add`.
    public func parametersAdd(_ args: ParameterPreSubstitutionArgs) async throws -> ParameterPreSubstitutionReply {
        try await typed(.parametersAdd, args, as: ParameterPreSubstitutionReply.self)
    }

    /// Encodes `args`, calls `method` and decodes the reply as `Reply`.
    public func typed<Args: Encodable, Reply: Decodable>(
        _ method: PluginMethod, _ args: Args, as: Reply.Type
    ) async throws -> Reply {
        let result = try await call(method, body: try Self.encode(args))
        guard result.status == 200 else { throw PluginCallError(method: method, result: result) }
        do {
            return try result.decode(Reply.self)
        } catch {
            throw PluginCallError(method: method, result: result, decodingProblem: "\(error)")
        }
    }

    /// JSON with sorted keys, as Argo's Go encoder writes struct fields in a fixed order.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// A random token with upper- and lower-case letters, so a case-changed copy of it differs.
    public static func randomToken() -> String {
        "Test-Token-" + UUID().uuidString.lowercased()
    }

    /// A logger that reports warnings and worse only, so test output stays readable.
    public static func quietLogger() -> Logger {
        var logger = Logger(label: "argo-plugin-test")
        logger.logLevel = .warning
        return logger
    }
}
