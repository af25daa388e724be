import Foundation
import Logging
import PluginHTTP
import PluginSDKTesting
import Synchronization

/// A plugin context whose deadline is `seconds` away and whose logger writes into `logs` (when given).
func makeContext(deadlineIn seconds: Double = 20, logs: LogCapture? = nil) -> PluginContext {
    var logger = logs.map { capture in Logger(label: "test") { _ in capture } } ?? Logger(label: "test")
    logger.logLevel = logs == nil ? .critical : .trace
    return PluginContext(
        method: .templateExecute, workflowName: "wf", logger: logger,
        deadline: .now.advanced(by: .milliseconds(Int64(seconds * 1000))))
}

/// Runs `body` against a fake service with `routes`, stopping it afterwards.
func withFake(_ routes: [FakeRoute], _ body: (FakeService) async throws -> Void) async throws {
    let fake = try await FakeService.start(routes)
    do {
        try await body(fake)
    } catch {
        await fake.stop()
        throw error
    }
    await fake.stop()
}

/// The path of a file in this target's resources.
func resource(_ name: String) -> String {
    Bundle.module.path(forResource: name, ofType: nil)!
}

/// Every log line (message and metadata) written through it, for "nothing secret in logs" checks.
final class LogCapture: LogHandler, Sendable {
    private let lines = Mutex<[String]>([])
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) {
        let meta = (event.metadata ?? [:]).map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
        lines.withLock { $0.append("\(event.message) \(meta)") }
    }

    var text: String { lines.withLock { $0.joined(separator: "\n") } }
}

/// A time bound in seconds, stretched by `ARGO_PLUGIN_TEST_TIME_SCALE` (sanitizer runs) as the SDK's tests do.
func allowance(_ seconds: Double) -> Swift.Duration {
    let scale = ProcessInfo.processInfo.environment["ARGO_PLUGIN_TEST_TIME_SCALE"].flatMap(Double.init) ?? 1
    return .milliseconds(Int64(seconds * max(1, scale) * 1000))
}
