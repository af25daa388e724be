import PluginSDK
import Synchronization

/// Records how many calls run at the same time.
final class ConcurrencyProbe: Sendable {
    private let state = Locked<(current: Int, peak: Int)>((0, 0))

    func enter() { state.withLock { $0.current += 1; $0.peak = max($0.peak, $0.current) } }
    func leave() { state.withLock { $0.current -= 1 } }
    var peak: Int { state.withLock { $0.peak } }
    var current: Int { state.withLock { $0.current } }

    /// Waits until at least `count` calls are inside the handler.
    func waitUntilRunning(_ count: Int = 1) async throws {
        while current < count { try await Task.sleep(for: .milliseconds(5)) }
    }
}

/// A plugin whose behaviour the template's `plugin.probe` object picks.
struct ProbePlugin: TemplatePlugin {
    static let key = "probe"

    struct Parameters: Decodable, Sendable {
        var sleepMilliseconds: Int?
        var outcome: String?
        var message: String?
        var requeue: String?
    }

    struct Boom: Error, CustomStringConvertible {
        var description: String
    }

    let probe = ConcurrencyProbe()

    func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
        probe.enter()
        defer { probe.leave() }
        if let milliseconds = parameters.sleepMilliseconds {
            try await Task.sleep(for: .milliseconds(milliseconds))
        }
        let message = parameters.message ?? "done"
        let requeue = try parameters.requeue.map { try GoDuration(parsing: $0) }
        switch parameters.outcome ?? "succeed" {
        case "fail": throw Boom(description: message)
        case "transient": throw TransientError(message)
        case "running": return ExecuteTemplateReply(node: NodeResult(phase: .running, message: message), requeue: requeue)
        case "failed-with-requeue":
            return ExecuteTemplateReply(node: NodeResult(phase: .failed, message: message), requeue: requeue)
        case "hang":
            while true { try await Task.sleep(for: .seconds(60)) }
        default:
            return ExecuteTemplateReply(node: NodeResult(phase: .succeeded, message: message), requeue: requeue)
        }
    }
}

/// Adopts no handler protocol, so it serves no method: servers refuse to start it.
struct NothingPlugin: Plugin {}

/// Sample bodies shaped like Argo's agent sends them.
enum Bodies {
    static func execute(plugin: String, name: String = "main") -> String {
        #"{"workflow":{"metadata":{"name":"my-wf","namespace":"argo","uid":"7c1e2f"}},"template":{"name":"\#(name)","inputs":{},"outputs":{},"plugin":\#(plugin)}}"#
    }

    static let hello = execute(plugin: #"{"hello":{}}"#)
    static func probe(_ config: String) -> String { execute(plugin: #"{"probe":\#(config)}"#) }
}
