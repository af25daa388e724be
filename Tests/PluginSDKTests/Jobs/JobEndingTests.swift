import Foundation
import Testing
@testable import PluginSDK

/// The ways a job ends without its own verdict: the template's timeout, the shutdown, Argo stopping to ask.
@Suite("Job timeout, shutdown and TTL")
struct JobEndingTests {
    @Test("the template's timeout caps the requeue, then fails the node and cancels the job")
    func timeout() async throws {
        // 2 s (20 s under the sanitizers): the first call must still find the job within its timeout.
        let limit = TimeAllowance.wholeSeconds(2)
        let service = FakeJobService()
        let client = try JobClient(CountingJobs(service: service))
        let first = try await client.execute(#"{"polls":100,"requeue":"1m"}"#, timeout: "\(limit)s")
        #expect(first.reply["node"]?["phase"] == "Running")
        // The requeue is capped by the time left (at least a second), not the asked-for minute.
        let requeue = first.reply["requeue"]?.stringValue.flatMap { Double($0.dropLast()) }
        #expect(requeue.map { $0 >= 1 && $0 <= Double(limit) } == true, "\(first.reply)")
        try await Task.sleep(for: .seconds(limit) + .milliseconds(100))
        let timedOut = try await client.execute(#"{"polls":100,"requeue":"1m"}"#, timeout: "\(limit)s")
        #expect(
            timedOut.reply == [
                "node": [
                    "phase": "Failed",
                    "message": .string(
                        "the job did not finish within the template's timeout (\(limit)s) and was cancelled"),
                ]
            ])
        #expect(service.cancels.map(\.reason) == [.timedOut(.seconds(limit))])
        #expect(service.starts == 1)
    }

    @Test("concurrent calls after the timeout share one cancellation and one answer")
    func timeoutOnce() async throws {
        let service = FakeJobService()
        let client = try JobClient(CountingJobs(service: service))
        let limit = TimeAllowance.wholeSeconds(1)
        _ = try await client.execute(#"{"polls":100}"#, timeout: "\(limit)")
        try await Task.sleep(for: .seconds(limit) + .milliseconds(100))
        let replies = try await withThrowingTaskGroup(of: JSONValue.self) { group in
            for _ in 0..<6 { group.addTask { try await client.execute(#"{"polls":100}"#, timeout: "\(limit)").reply } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(replies.compactMap { $0["node"]?["message"]?.stringValue }).count == 1)
        #expect(replies.allSatisfy { $0["node"]?["phase"] == "Failed" })
        #expect(service.cancels.count == 1)
        #expect(service.starts == 1)
    }

    @Test("a timeout that is not a duration fails the node before anything starts")
    func badTimeout() async throws {
        let service = FakeJobService()
        let client = try JobClient(CountingJobs(service: service))
        let reply = try await client.execute("{}", timeout: "{{inputs.parameters.limit}}")
        #expect(
            reply.reply == [
                "node": [
                    "phase": "Failed",
                    "message": .string(
                        #"template.timeout "{{inputs.parameters.limit}}" is not a duration (a Go duration such as 30m, "#
                            + "or whole seconds); the job was not started"),
                ]
            ])
        #expect(service.starts == 0)
    }

    @Test("the shutdown cancels every unfinished job, and a later call is answered Failed, naming why")
    func shutdown() async throws {
        let service = FakeJobService()
        let directory = try temporaryDirectory()
        let configure: (inout PluginConfiguration) -> Void = { $0.stateDirectory = directory }
        let client = try JobClient(CountingJobs(service: service), configure: configure)
        _ = try await client.execute(#"{"polls":100}"#)
        _ = try await client.execute(#"{"polls":100}"#, template: "deploy")
        _ = try await client.execute(#"{"polls":0}"#, template: "done")
        await client.shutdown()
        #expect(service.cancels.map(\.id).sorted() == ["job-1", "job-2"])
        #expect(service.cancels.allSatisfy { $0.reason == .shutdown })
        // A sidecar that comes back (the same emptyDir) answers the cancelled job's next call.
        let restarted = try JobClient(CountingJobs(service: service), configure: configure)
        let reply = try await restarted.execute(#"{"polls":100}"#)
        #expect(
            reply.reply == [
                "node": [
                    "phase": "Failed",
                    "message": "the job was cancelled: the plugin was shut down (SIGTERM) while the job ran",
                ]
            ])
        #expect(service.starts == 3)
    }

    @Test("a start under way when the shutdown begins is cancelled as soon as it returns")
    func shutdownDuringStart() async throws {
        let service = FakeJobService()
        let client = try JobClient(CountingJobs(service: service))
        service.hold()
        let call = Task { try await client.execute(#"{"polls":100}"#) }
        try await service.waitForStarts(1)
        let shutdown = Task { await client.shutdown() }
        try await Task.sleep(for: .milliseconds(50))
        service.release()
        await shutdown.value
        #expect(service.starts == 1)
        #expect(service.cancels.map(\.reason) == [.shutdown])
        #expect(try await call.value.reply["node"]?["phase"] == "Failed")
        #expect(try await client.execute(#"{"polls":1}"#, template: "late").status == 503)
    }

    @Test("a job Argo stopped asking about is cancelled after the TTL, and a late call is told so")
    func abandoned() async throws {
        let service = FakeJobService()
        let client = try JobClient(CountingJobs(service: service)) { $0.jobTTL = .milliseconds(200) }
        _ = try await client.execute(#"{"polls":100,"requeue":"100ms"}"#)
        try await Task.sleep(for: .milliseconds(500))
        // Any call sweeps; this one is for another job.
        _ = try await client.execute(#"{"polls":100,"requeue":"100ms"}"#, template: "other")
        // The cancellation runs in the background: wait for it, within a bound.
        let deadline = ContinuousClock.now + TimeAllowance.duration(.seconds(5))
        while service.cancels.isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(service.cancels.map(\.id) == ["job-1"])
        #expect(service.cancels.first?.reason == .abandoned(.milliseconds(200)))
        let late = try await client.execute(#"{"polls":100,"requeue":"100ms"}"#)
        #expect(late.reply["node"]?["phase"] == "Failed")
        #expect(
            late.reply["node"]?["message"]
                == "the job was cancelled: Argo had not asked about it for 200ms after its requeue was due")
    }

    @Test("the TTL counts from when the requeue was due: a job with a long requeue is not abandoned meanwhile")
    func notAbandoned() async throws {
        let service = FakeJobService()
        let client = try JobClient(CountingJobs(service: service)) { $0.jobTTL = .milliseconds(200) }
        _ = try await client.execute(#"{"polls":100,"requeue":"10m"}"#)
        try await Task.sleep(for: .milliseconds(500))
        _ = try await client.execute(#"{"polls":100}"#, template: "other")
        try await Task.sleep(for: .milliseconds(100))
        #expect(service.cancels.isEmpty)
        #expect(service.starts == 2)
    }
}
