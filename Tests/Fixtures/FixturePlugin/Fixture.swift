import PluginSDK

/// A plugin whose behaviour each template chooses, for process-level tests (signals, drain, misbehaviour).
///
/// `plugin: {fixture: {sleepMilliseconds: 500, outcome: "succeed"}}`; outcomes: `succeed`, `fail` (throws),
/// `transient` (throws TransientError), `running` (Running without requeue), `notMine` (`{}`, used by the
/// benchmark's sleeping-handler run).
struct Fixture: TemplatePlugin {
    static let key = "fixture"

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
        let message = parameters.message ?? "fixture done"
        switch parameters.outcome ?? "succeed" {
        case "fail": throw Failure(description: message)
        case "transient": throw TransientError(message)
        case "notMine": return .notMine
        case "running": return ExecuteTemplateReply(node: NodeResult(phase: .running, message: message))
        default: return .succeeded(message: message)
        }
    }
}
