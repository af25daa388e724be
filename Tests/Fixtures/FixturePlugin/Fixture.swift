import PluginSDK

#if canImport(Glibc)
import Glibc
#endif

/// A plugin whose behaviour each template chooses, for process-level tests (signals, drain, misbehaviour).
///
/// `plugin: {fixture: {sleepMilliseconds: 500, outcome: "succeed"}}`; outcomes: `succeed`, `fail` (throws),
/// `transient` (throws TransientError), `running` (Running without requeue), `notMine` (`{}`, used by the
/// benchmark's sleeping-handler run), `hang` (never returns and ignores cancellation). With
/// `FIXTURE_SHUTDOWN_MARKER=PATH` in the environment, the shutdown hook writes the file `PATH`. Without a
/// `message`, replies carry `defaultMessage` (the plugin option `--default-message`).
struct Fixture: TemplatePlugin {
    static let key = "fixture"

    /// The message of replies whose parameters name none.
    var defaultMessage = "fixture done"

    struct Parameters: Decodable, Sendable {
        var sleepMilliseconds: Int?
        var outcome: String?
        var message: String?
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
        if let milliseconds = parameters.sleepMilliseconds {
            try await Task.sleep(for: .milliseconds(milliseconds))
        }
        let message = parameters.message ?? defaultMessage
        switch parameters.outcome ?? "succeed" {
        case "fail": throw Failure(description: message)
        case "transient": throw TransientError(message)
        case "notMine": return .notMine
        case "running": return ExecuteTemplateReply(node: NodeResult(phase: .running, message: message))
        case "hang":
            // Never resumed and deaf to cancellation: only the SDK's call deadline can answer this call.
            await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in }
            return .failed("unreachable")
        default: return .succeeded(message: message)
        }
    }

    /// Writes the marker file named by `FIXTURE_SHUTDOWN_MARKER`, so a test can see the hook ran.
    func shutdown() async {
        guard let path = getenv("FIXTURE_SHUTDOWN_MARKER").map({ String(cString: $0) }) else { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        let bytes = Array("shutdown hook ran\n".utf8)
        _ = write(fd, bytes, bytes.count)
        close(fd)
    }
}
