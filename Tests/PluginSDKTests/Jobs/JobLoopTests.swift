import Foundation
import Testing
@testable import PluginSDK

/// The job loop of `JobPlugin` in process: start once, poll on every requeue, finish.
@Suite("Job loop")
struct JobLoopTests {
    @Test("the first call starts and polls; requeues poll until the job succeeds; start runs once")
    func requeueLoop() async throws {
        let service = FakeJobService()
        let client = try JobClient(CountingJobs(service: service))
        let first = try await client.execute(#"{"polls":2}"#)
        #expect(first.status == 200)
        #expect(first.reply == ["node": ["phase": "Running", "message": "job-1 running"], "requeue": "7s"])
        let second = try await client.execute(#"{"polls":2}"#)
        #expect(second.reply["node"]?["phase"] == "Running")
        let third = try await client.execute(#"{"polls":2}"#)
        #expect(
            third.reply == [
                "node": [
                    "phase": "Succeeded", "message": "job-1 done",
                    "outputs": ["parameters": [["name": "id", "value": "job-1"]]],
                ]
            ])
        #expect(service.starts == 1)
        // Argo re-sending the call (a lost reply) gets the same answer; nothing starts.
        #expect(try await client.execute(#"{"polls":2}"#).reply == third.reply)
        #expect(service.starts == 1)
    }

    @Test("a poll's own requeue is used; none gives the plugin's pollInterval")
    func requeueChoice() async throws {
        let client = try JobClient(CountingJobs(service: FakeJobService()))
        #expect(try await client.execute(#"{"polls":5,"requeue":"45s"}"#).reply["requeue"] == "45s")
        #expect(try await client.execute(#"{"polls":5,"name":"other"}"#).reply["requeue"] == "7s")
    }

    @Test("concurrent duplicate calls start the job once; the others are answered Running while it starts")
    func duplicates() async throws {
        let service = FakeJobService()
        let client = try JobClient(CountingJobs(service: service))
        service.hold()
        let first = Task { try await client.execute(#"{"polls":3}"#).reply }
        try await service.waitForStarts(1)
        let replies = try await withThrowingTaskGroup(of: JSONValue.self) { group in
            for _ in 0..<7 { group.addTask { try await client.execute(#"{"polls":3}"#).reply } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        service.release()
        #expect(try await first.value["node"]?["message"] == "job-1 running")
        #expect(service.starts == 1)
        #expect(replies.count == 7)
        #expect(replies.allSatisfy { $0 == ["node": ["phase": "Running", "message": "the job is starting"], "requeue": "7s"] })
    }

    @Test("different inputs, templates or workflows are different jobs")
    func keys() async throws {
        let service = FakeJobService()
        let client = try JobClient(CountingJobs(service: service))
        _ = try await client.execute(#"{"polls":3}"#)
        _ = try await client.execute(#"{"polls":4}"#)
        _ = try await client.execute(#"{"polls":3}"#, template: "deploy")
        _ = try await client.execute(#"{"polls":3}"#)
        #expect(service.starts == 3)
    }

    @Test("a job that failed is answered once; a retry of the node with the same key starts a new job")
    func failureThenRetry() async throws {
        let service = FakeJobService()
        let client = try JobClient(CountingJobs(service: service))
        let failed = try await client.execute(#"{"outcome":"fail"}"#)
        #expect(failed.reply == ["node": ["phase": "Failed", "message": "job-1 broke"]])
        // A call right after the answer is a duplicate of the answered call (a re-send that lost the race).
        let duplicate = try await client.execute(#"{"outcome":"fail"}"#)
        #expect(duplicate.reply == failed.reply)
        #expect(service.starts == 1)
        try await Task.sleep(for: JobStore.duplicateWindow + .milliseconds(100))
        let retry = try await client.execute(#"{"outcome":"fail"}"#)
        #expect(retry.reply == ["node": ["phase": "Failed", "message": "job-2 broke"]])
        #expect(service.starts == 2)
        #expect(service.cancels.isEmpty)
    }

    @Test("a start that throws fails the node and is not remembered; a transient one answers 503 and Argo's retry starts again")
    func startErrors() async throws {
        let service = FakeJobService()
        let client = try JobClient(CountingJobs(service: service))
        let failed = try await client.execute(#"{"outcome":"start-error"}"#)
        #expect(failed.reply == ["node": ["phase": "Failed", "message": "the job could not start: the service refused the job"]])
        let transient = try await client.execute(#"{"outcome":"start-transient"}"#)
        #expect(transient.status == 503)
        #expect(transient.reply["error"] == "transient: the service is busy")
        #expect(service.starts == 0)
        #expect(try await client.execute(#"{"polls":1}"#).reply["node"]?["phase"] == "Running")
    }

    @Test("a poll that throws fails the node and cancels the job; a transient one answers 503 and the job goes on")
    func pollErrors() async throws {
        let service = FakeJobService()
        let client = try JobClient(CountingJobs(service: service))
        let failed = try await client.execute(#"{"outcome":"poll-error"}"#)
        #expect(
            failed.reply == [
                "node": ["phase": "Failed", "message": "polling the job failed: the job vanished; the job was cancelled"]
            ])
        #expect(service.cancels.map(\.reason) == [.pollFailed("the job vanished")])
        let transient = try await client.execute(#"{"outcome":"poll-transient"}"#)
        #expect(transient.status == 503)
        #expect(try await client.execute(#"{"outcome":"poll-transient"}"#).status == 503)
        #expect(service.starts == 2)
        #expect(service.cancels.count == 1)
    }

    @Test("called directly, outside the SDK, every call is a first call: the job starts and is polled once")
    func direct() async throws {
        let service = FakeJobService()
        let plugin = CountingJobs(service: service)
        let args = try WireJSON.decode(ExecuteTemplateArgs.self, from: Array(JobBodies.execute(#"{"polls":0}"#).utf8))
        let context = PluginContext(
            method: .templateExecute, workflowName: "wf", namespace: "argo", workflowUID: "9d2a", templateName: "build",
            workflow: args.workflow, template: args.template)
        let reply = try await plugin.executeTemplate(args, context: context)
        #expect(reply.node?.phase == .succeeded)
        #expect(service.starts == 1)
    }
}
