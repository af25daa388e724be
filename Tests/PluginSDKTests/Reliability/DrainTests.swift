import Foundation
import Synchronization
import PluginSDKTesting
import Testing
@testable import PluginSDK

/// SIGTERM with suspended calls in flight: they complete, new calls are refused, the shutdown hook runs, exit 0.
@Suite("Graceful drain")
struct DrainTests {
    @Test("SIGTERM with 8 suspended calls: all complete, new ones are refused, the hook runs, exit 0 within grace")
    func sigtermWithSuspendedCalls() async throws {
        let marker = NSTemporaryDirectory() + "argo-plugin-shutdown-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: marker) }
        let process = try await blocking {
            try PluginProcess.launch(
                executable: "FixturePlugin", arguments: ["--shutdown-grace", "5", "--log-level", "trace"],
                environment: ["FIXTURE_SHUTDOWN_MARKER": marker])
        }
        defer { process.terminateIfRunning() }
        let port = process.port
        let token = process.token
        let fixtureBody = Bodies.execute(plugin: #"{"fixture":{}}"#)
        // A keep-alive connection, used once now and once after SIGTERM, on its own thread.
        let steps = DrainSteps()
        let keptAlive = Task {
            try await blocking { () -> [WireResponse] in
                let client = try openConnection(port: port, timeoutSeconds: 10)
                let first = try client.call(path: "/api/v1/template.execute", token: token, json: fixtureBody)
                steps.firstCallDone.store(true, ordering: .releasing)
                while !steps.signalled.load(ordering: .acquiring) { usleep(5_000) }
                return [first, try client.call(path: "/api/v1/template.execute", token: token, json: fixtureBody)]
            }
        }
        while !steps.firstCallDone.load(ordering: .acquiring) { try await Task.sleep(for: .milliseconds(10)) }

        let calls = (0..<8).map { index in
            Task {
                try await blocking {
                    try openConnection(port: port, timeoutSeconds: 15).call(
                        path: "/api/v1/template.execute", token: token,
                        json: Bodies.execute(
                            plugin: #"{"fixture":{"sleepMilliseconds":3000,"message":"call \#(index)"}}"#))
                }
            }
        }
        // Signal only once all 8 are inside the handler: each logs "call" at debug level when it starts.
        let waitStart = ContinuousClock.now
        func started() -> Int { process.standardError.components(separatedBy: "[PluginSDK] call").count - 1 }
        while started() < 9, ContinuousClock.now - waitStart < .seconds(30) {
            try await Task.sleep(for: .milliseconds(20))
        }
        try #require(started() == 9, "only \(started() - 1) of 8 calls reached the handler")
        let signalled = ContinuousClock.now
        process.signal(SIGTERM)
        try await Task.sleep(for: .milliseconds(200))
        steps.signalled.store(true, ordering: .releasing)

        // New work is refused while the 8 calls drain: on the open connection with 503 and Connection: close,
        // on a new connection by the closed listener.
        let keptReplies = try await keptAlive.value
        #expect(keptReplies[0].status == 200)
        let refused = keptReplies[1]
        #expect(refused.status == 503)
        #expect(refused.headers["connection"]?.lowercased() == "close")
        let (newConnection, refusalSeconds) = try await blocking {
            measure {
                Result {
                    try openConnection(port: port, timeoutSeconds: 3).call(
                        path: "/api/v1/template.execute", token: token,
                        json: fixtureBody)
                }
            }
        }
        if case .success(let response) = newConnection {
            Issue.record("a new connection was served while draining: \(response.status)")
        }
        #expect(refusalSeconds < TimeAllowance.seconds(1), "a new connection took \(refusalSeconds) s to be refused")

        for (index, call) in calls.enumerated() {
            let response = try await call.value
            #expect(response.status == 200)
            #expect(try JSONMeaning.parse(response.body)["node"]?["message"] == .string("call \(index)"))
        }
        let status = try await process.waitForExit(timeout: .seconds(10))
        let drainSeconds = Double((ContinuousClock.now - signalled).components.attoseconds) / 1e18
            + Double((ContinuousClock.now - signalled).components.seconds)
        #expect(status == 0)
        #expect(drainSeconds < TimeAllowance.seconds(5), "exited \(drainSeconds) s after SIGTERM with a 5 s grace")
        #expect(FileManager.default.fileExists(atPath: marker), "the plugin's shutdown hook did not run")
        #expect(process.standardError.contains("drained"))
        #expect(!process.standardError.contains(token), "the token appeared on standard error")
        print("drain: 8 suspended calls completed; exit 0 after \(Int(drainSeconds * 1000)) ms from SIGTERM")
    }

    @Test("stopping an in-process server runs the plugin's shutdown hook after in-flight calls finish")
    func shutdownHookInProcess() async throws {
        let plugin = ShutdownRecorder()
        let server = try TestServer.start(plugin)
        let reply = Task {
            try await blocking {
                try server.client().call(
                    path: "/api/v1/template.execute", token: server.token,
                    json: Bodies.probe(#"{"sleepMilliseconds":400}"#))
            }
        }
        while server.server.callsInFlight == 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await server.server.stop())
        #expect(try await reply.value.status == 200)
        #expect(plugin.events.snapshot == ["call finished", "shutdown"])
        try? FileManager.default.removeItem(atPath: server.tokenFile)
    }
}

/// Hand-offs between the drain test and its keep-alive connection's thread.
final class DrainSteps: Sendable {
    let firstCallDone = Atomic<Bool>(false)
    let signalled = Atomic<Bool>(false)
}

/// Records the order of its calls' ends and its shutdown.
struct ShutdownRecorder: TemplatePlugin {
    static let key = "probe"
    struct Parameters: Decodable, Sendable { var sleepMilliseconds: Int? }

    final class Events: Sendable {
        private let list = Locked<[String]>([])
        func append(_ event: String) { list.withLock { $0.append(event) } }
        var snapshot: [String] { list.withLock { $0 } }
    }

    let events = Events()

    func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
        try await Task.sleep(for: .milliseconds(parameters.sleepMilliseconds ?? 0))
        events.append("call finished")
        return .succeeded()
    }

    func shutdown() async { events.append("shutdown") }
}
