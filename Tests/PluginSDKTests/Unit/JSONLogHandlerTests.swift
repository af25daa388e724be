import Foundation
import Logging
import Testing
@testable import PluginSDK

/// Lines a `JSONLogHandler` wrote, parsed back.
final class JSONLines: Sendable {
    private let lines = Locked<[String]>([])

    func logger(label: String = "json-test", provider: Logger.MetadataProvider? = nil) -> Logger {
        var logger = Logger(label: label) { label in
            JSONLogHandler(label: label, metadataProvider: provider, output: LogLineOutput { self.append($0) })
        }
        logger.logLevel = .trace
        return logger
    }

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var raw: [String] { lines.withLock { $0 } }

    /// Each line as a JSON object; fails the test for a line that is not one.
    func objects(sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        try raw.map { line in
            #expect(line.hasSuffix("\n") && line.dropLast().firstIndex(of: "\n") == nil, "one line: \(line)")
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(object as? [String: Any], sourceLocation: sourceLocation)
        }
    }
}

/// A plugin that logs from inside its handler, with metadata of its own.
struct JSONLoggingPlugin: TemplatePlugin {
    static let key = "logging"
    struct Parameters: Decodable, Sendable {}

    func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
        context.logger.info("inside the handler", metadata: ["slack.channel": "#builds"])
        return .succeeded()
    }
}

@Suite("JSON log lines")
struct JSONLogHandlerTests {
    @Test("each line is one JSON object with time, level, label, source, message and metadata as fields")
    func fields() throws {
        let lines = JSONLines()
        var logger = lines.logger(label: "argo-plugin")
        logger[metadataKey: "handler.key"] = "from the handler"
        logger.notice(
            "a \"quoted\"\nmessage \\ with ünïcödé and \u{1}",
            metadata: ["count": "\(3)", "nested": ["a": ["x", "y"], "b": "c"], "message": "collides"])
        let line = try #require(try lines.objects().first)
        #expect(line["level"] as? String == "notice")
        #expect(line["label"] as? String == "argo-plugin")
        #expect(line["source"] as? String == "PluginSDKTests")
        #expect(line["message"] as? String == "a \"quoted\"\nmessage \\ with ünïcödé and \u{1}")
        #expect(line["count"] as? String == "3")
        #expect(line["handler.key"] as? String == "from the handler")
        #expect((line["nested"] as? [String: Any])?["a"] as? [String] == ["x", "y"])
        #expect(line["metadata.message"] as? String == "collides")
        let time = try #require(line["time"] as? String)
        #expect(time.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z/) != nil, "\(time)")
        #expect(abs(try #require(ISO8601DateFormatter.withFractions.date(from: time)).timeIntervalSinceNow) < 60)
        #expect(lines.raw[0].hasPrefix(#"{"time":"#))
    }

    @Test("RFC 3339 timestamps in UTC with microseconds")
    func timestamp() {
        #expect(JSONLogLine.timestamp(seconds: 0, nanoseconds: 0) == "1970-01-01T00:00:00.000000Z")
        #expect(JSONLogLine.timestamp(seconds: 1_748_779_200, nanoseconds: 250_000_999) == "2025-06-01T12:00:00.250000Z")
    }

    @Test("an attached error becomes an error field; metadata named error then moves aside")
    func error() throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "it broke" } }
        let lines = JSONLines()
        lines.logger().error("failed", error: Broken(), metadata: ["error": "metadata error"])
        lines.logger().warning("plain", metadata: ["error": "metadata error"])
        let objects = try lines.objects()
        #expect(objects[0]["error"] as? String == "it broke")
        #expect(objects[0]["metadata.error"] as? String == "metadata error")
        #expect(objects[1]["error"] as? String == "metadata error")
    }

    @Test("lines logged during a call carry the workflow, namespace, template and method as fields")
    func callMetadata() async throws {
        let lines = JSONLines()
        let responder = PluginResponder(
            plugin: JSONLoggingPlugin(), token: BearerToken(fileContent: "t")!, configuration: PluginConfiguration(),
            logger: lines.logger(label: "argo-plugin"))
        let body = Bodies.execute(plugin: #"{"logging":{}}"#, name: "step-a")
        let response = await responder.respond(
            to: HTTPRequest(
                head: HTTPRequestHead(method: "POST", path: "/api/v1/template.execute", authorization: "Bearer t", contentLength: nil),
                body: Array(body.utf8)))
        #expect(response.status == 200)
        let objects = try lines.objects()
        let inside = try #require(objects.first { $0["message"] as? String == "inside the handler" })
        #expect(inside["argo.workflow"] as? String == "my-wf")
        #expect(inside["argo.namespace"] as? String == "argo")
        #expect(inside["argo.template"] as? String == "step-a")
        #expect(inside["rpc.method"] as? String == "template.execute")
        #expect(inside["slack.channel"] as? String == "#builds")
        #expect(inside["source"] as? String == "PluginSDKTests")
    }

    @Test("the runtime's logger: the author's own handler when given, with the configured level")
    func runtimeLogger() {
        let capture = LogCapture()
        var given = capture.logger(label: "author")
        given.logLevel = .critical
        let logger = RuntimeLogger.make(given: given, format: .json, level: .debug)
        #expect(logger.logLevel == .debug)
        #expect(logger.label == "author")
        logger.debug("through the author's handler")
        #expect(capture.text.contains("through the author's handler"))
        #expect(RuntimeLogger.make(given: nil, format: .json, level: .notice).logLevel == .notice)
        #expect(RuntimeLogger.make(given: nil, format: .text, level: .info).label == "argo-plugin")
    }
}

extension ISO8601DateFormatter {
    /// RFC 3339 with fractional seconds.
    static var withFractions: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
