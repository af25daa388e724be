import Logging
import Synchronization
import Testing
@testable import PluginSDK

/// Records each log line's message and metadata, including what metadata providers add.
final class MetadataRecordingStore: Sendable {
    let lines = Locked<[(String, Logger.Metadata)]>([])
}

struct MetadataRecordingHandler: LogHandler {
    let store: MetadataRecordingStore
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        all.merge(metadataProvider?.get() ?? [:]) { _, provided in provided }
        all.merge(event.metadata ?? [:]) { _, explicit in explicit }
        store.lines.withLock { $0.append(("\(event.message)", all)) }
    }
}

/// A plugin that logs from inside its handler.
struct LoggingPlugin: TemplatePlugin {
    static let key = "logging"
    struct Parameters: Decodable, Sendable {}

    func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
        context.logger.info("inside the handler")
        return .succeeded()
    }
}

@Suite("Per-call log metadata")
struct CallMetadataTests {
    @Test("lines logged during a call carry the workflow, namespace, template and method")
    func metadata() async throws {
        let store = MetadataRecordingStore()
        let logger = Logger(label: "t") { _ in MetadataRecordingHandler(store: store) }
        let responder = PluginResponder(
            plugin: LoggingPlugin(), token: BearerToken(fileContent: "t")!, configuration: PluginConfiguration(),
            logger: logger)
        let body = Bodies.execute(plugin: #"{"logging":{}}"#, name: "step-a")
        let response = await responder.respond(
            to: HTTPRequest(
                head: HTTPRequestHead(method: "POST", path: "/api/v1/template.execute", authorization: "Bearer t", contentLength: nil),
                body: Array(body.utf8)))
        #expect(response.status == 200)
        let lines = store.lines.withLock { $0 }
        let inside = try #require(lines.first { $0.0 == "inside the handler" })
        #expect(inside.1["argo.workflow"] == "my-wf")
        #expect(inside.1["argo.namespace"] == "argo")
        #expect(inside.1["argo.template"] == "step-a")
        #expect(inside.1["rpc.method"] == "template.execute")
        let call = try #require(lines.first { $0.0 == "call" })
        #expect(call.1["argo.template"] == "step-a")
    }

    @Test("outside a call the provider adds nothing")
    func outside() {
        #expect(CallMetadata.provider.get().isEmpty)
    }
}
