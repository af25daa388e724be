import Foundation
import Testing
@testable import PluginSDK

/// A job plugin served by `PluginServer` over a real socket: the loop, the periodic sweep, the shutdown.
@Suite("Jobs over a socket")
struct JobOverSocketTests {
    func call(_ server: TestServer<CountingJobs>, _ config: String, template: String = "build") async throws -> JSONValue {
        let body = JobBodies.execute(config, template: template)
        let response = try await blocking {
            try server.client(timeoutSeconds: 60).call(path: "/api/v1/template.execute", token: server.token, json: body)
        }
        #expect(response.status == 200)
        return try JSONMeaning.parse(response.body)
    }

    @Test("Running with its requeue, then Succeeded; one start")
    func loop() async throws {
        let service = FakeJobService()
        let server = try TestServer.start(CountingJobs(service: service))
        #expect(try await call(server, #"{"polls":1}"#) == ["node": ["phase": "Running", "message": "job-1 running"], "requeue": "7s"])
        #expect(try await call(server, #"{"polls":1}"#)["node"]?["phase"] == "Succeeded")
        await server.stop()
        #expect(service.starts == 1)
        #expect(service.cancels.isEmpty)
    }

    @Test("stopping the server (SIGTERM's path) cancels the running jobs before the plugin's shutdown")
    func stopCancels() async throws {
        let service = FakeJobService()
        let server = try TestServer.start(CountingJobs(service: service))
        _ = try await call(server, #"{"polls":50}"#)
        _ = try await call(server, #"{"polls":50}"#, template: "deploy")
        _ = try await call(server, #"{"polls":0}"#, template: "done")
        await server.stop()
        #expect(service.cancels.map(\.id).sorted() == ["job-1", "job-2"])
        #expect(service.cancels.allSatisfy { $0.reason == .shutdown })
    }

    @Test("the server sweeps on its own: a job no call asks about is cancelled after the TTL")
    func periodicSweep() async throws {
        let service = FakeJobService()
        let server = try TestServer.start(CountingJobs(service: service)) { $0.jobTTL = .milliseconds(200) }
        _ = try await call(server, #"{"polls":50,"requeue":"100ms"}"#)
        let deadline = ContinuousClock.now + TimeAllowance.duration(.seconds(30))
        while service.cancels.isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(service.cancels.map(\.reason) == [.abandoned(.milliseconds(200))])
        await server.stop()
        #expect(service.cancels.count == 1)
    }
}
