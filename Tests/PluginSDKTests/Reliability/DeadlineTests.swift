import Foundation
import Testing
@testable import PluginSDK

/// A handler that never returns is answered by the call deadline, in a real plugin process too.
@Suite("Call deadline")
struct DeadlineTests {
    @Test("a plugin process whose handler never returns answers 503 at --call-timeout, keeps serving and exits 0")
    func overAProcess() async throws {
        // Launching waits for the port: off the cooperative pool, which in-process servers of other tests need.
        let process = try await blocking {
            try PluginProcess.launch(executable: "FixturePlugin", arguments: ["--call-timeout", "0.5"])
        }
        defer { process.terminateIfRunning() }
        let (hung, seconds) = try await blocking {
            try measure {
                try openConnection(port: process.port, timeoutSeconds: 10).call(
                    path: "/api/v1/template.execute", token: process.token,
                    json: Bodies.execute(plugin: #"{"fixture":{"outcome":"hang"}}"#))
            }
        }
        #expect(hung.status == 503)
        #expect(hung.text.contains("deadline"))
        #expect(seconds >= 0.4 && seconds < TimeAllowance.seconds(5), "answered after \(seconds) s with a 0.5 s deadline")
        let next = try await blocking { try OversizedBodyTests.normalCall(process) }
        #expect(next == 200)
        // The hung task still exists, but its call is over: shutdown does not wait for it.
        process.signal(SIGTERM)
        #expect(try await process.waitForExit(timeout: .seconds(10)) == 0)
    }

    @Test("several never-returning handlers at once are all answered 503 and none holds its connection")
    func manyHung() async throws {
        let server = try TestServer.start(ProbePlugin()) { $0.callTimeout = .milliseconds(300) }
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await blocking {
                        try server.client().call(
                            path: "/api/v1/template.execute", token: server.token,
                            json: Bodies.probe(#"{"outcome":"hang"}"#)).status
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 503, count: 20))
        // A call leaves the count when libmicrohttpd reports the reply sent, just after the client has read it.
        let deadline = ContinuousClock.now + .seconds(5)
        while server.server.callsInFlight != 0 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(server.server.callsInFlight == 0)
        #expect(try await blocking { try server.healthyCall() } == 200)
        await server.stop()
    }
}
