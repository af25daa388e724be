import Logging
import PluginSDK
import ServiceLifecycle

/// Another service of the author's, beside the plugin: it runs until the group shuts down gracefully.
struct Heartbeat: Service {
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        logger.info("heartbeat stopped")
    }
}

/// A plugin that answers every template call `Succeeded`.
struct Echo: TemplatePlugin {
    static let key = "echo"
    struct Parameters: Decodable, Sendable {}

    func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
        .succeeded(message: "echo")
    }
}
