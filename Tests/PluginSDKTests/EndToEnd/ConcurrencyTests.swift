import Testing
@testable import PluginSDK

/// Argo's agent sends up to 16 calls at once; they must run in parallel, including handlers that await.
@Suite("Concurrency")
struct ConcurrencyTests {
    @Test("24 concurrent calls whose handlers await all overlap")
    func overlap() async throws {
        let plugin = ProbePlugin()
        let server = try TestServer.start(plugin) { $0.threads = 2 }
        let calls = 24
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<calls {
                group.addTask {
                    try await blocking {
                        try server.client(timeoutSeconds: 20).call(
                            path: "/api/v1/template.execute", token: server.token,
                            json: Bodies.probe(#"{"sleepMilliseconds":600}"#)).status
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: calls))
        // All handlers were inside their sleep at the same moment, on a pool of only 2 libmicrohttpd threads.
        #expect(plugin.probe.peak == calls)
        await server.stop()
    }

    @Test("a handler that outlives the call deadline is answered 503 and the server keeps serving")
    func deadline() async throws {
        let server = try TestServer.start(ProbePlugin()) { $0.callTimeout = .milliseconds(300) }
        // The handler never returns: a reply can only come from the deadline. The deadline's timer is a task on
        // Swift's cooperative pool, which in `swift test` this process shares with every synchronous test of the
        // package (seconds of swagger and fuzz-corpus checks at start-up, on a pool of 2 threads here), so the
        // client waits long enough for the 503 to arrive whatever else is queued; the status is what is asserted.
        let hung = try await blocking {
            try server.client(timeoutSeconds: TimeAllowance.wholeSeconds(30)).call(
                path: "/api/v1/template.execute", token: server.token,
                json: Bodies.probe(#"{"outcome":"hang"}"#))
        }
        #expect(hung.status == 503)
        #expect(String(decoding: hung.body, as: UTF8.self).contains("deadline"))
        let next = try await blocking {
            try server.client().call(
                path: "/api/v1/template.execute", token: server.token,
                json: Bodies.probe("{}")).status
        }
        #expect(next == 200)
        await server.stop()
    }
}
