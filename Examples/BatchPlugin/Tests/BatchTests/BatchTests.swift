import Batch
import Foundation
import PluginSDK
import PluginSDKTesting
import Testing

/// The batch plugin through the SDK's real request path (in process and over a socket), against a fake service.
@Suite("Batch")
struct BatchTests {
    @Test("queued, running, succeeded: Running twice with the poll interval, then Succeeded with outputs; one submission",
          arguments: PluginTestClient.Transport.allCases)
    func requeueLoop(transport: PluginTestClient.Transport) async throws {
        let service = try await FakeBatchService.start(runningPolls: 2)
        try await PluginTestClient.with(try batchPlugin(service), transport: transport) { client in
            let first = try await client.execute(batchCall())
            #expect(first.node?.phase == .running)
            #expect(first.node?.message == "job-1 is queued")
            #expect(first.requeue == .seconds(10))
            let second = try await client.execute(batchCall())
            #expect(second.node?.message == "job-1: step 1")
            let done = try await client.execute(batchCall())
            #expect(done.node?.phase == .succeeded)
            #expect(done.node?.outputs?.result == "report --day 1")
            #expect(done.node?.outputs?.parameters?.first { $0.name == "job-id" }?.value?.string == "job-1")
        }
        let submissions = service.submissions
        #expect(submissions.count == 1)
        let submission = try JSONDecoder().decode(BatchSubmission.self, from: Data(submissions[0].body))
        #expect(submission == BatchSubmission(name: "argo/test-workflow/report", command: ["report", "--day", "1"], queue: "default"))
        #expect(submissions[0].header("Idempotency-Key") == IdempotencyKey(args: batchCall(), pluginKey: "batch").hex)
        await service.stop()
    }

    @Test("a job the service fails fails the node with the service's reason")
    func failedJob() async throws {
        let service = try await FakeBatchService.start(runningPolls: 0)
        let reply = try await PluginTestClient.with(try batchPlugin(service), transport: .inProcess) { client in
            try await client.execute(batchCall(command: ["fail"]))
        }
        #expect(reply.node?.phase == .failed)
        #expect(reply.node?.message == "job-1 exited with status 3")
        await service.stop()
    }

    @Test("concurrent duplicate calls while the submission is slow submit once")
    func duplicates() async throws {
        let service = try await FakeBatchService.start(runningPolls: 5, submitDelay: .milliseconds(500))
        try await PluginTestClient.with(try batchPlugin(service), transport: .live) { client in
            let replies = try await withThrowingTaskGroup(of: ExecuteTemplateReply.self) { group in
                for _ in 0..<6 { group.addTask { try await client.execute(batchCall()) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(replies.allSatisfy { $0.node?.phase == .running })
        }
        #expect(service.submissions.count == 1)
        await service.stop()
    }

    @Test("the template's timeout fails the node and cancels the job on the service")
    func timeout() async throws {
        let service = try await FakeBatchService.start(runningPolls: 100)
        try await PluginTestClient.with(try batchPlugin(service), transport: .inProcess) { client in
            let first = try await client.execute(batchCall(timeout: "1s"))
            #expect(first.requeue == .seconds(1))
            try await Task.sleep(for: .milliseconds(1100))
            let late = try await client.execute(batchCall(timeout: "1s"))
            #expect(late.node?.phase == .failed)
            #expect(late.node?.message == "the job did not finish within the template's timeout (1s) and was cancelled")
        }
        #expect(service.cancellations == ["job-1"])
        await service.stop()
    }

    @Test(
        "closing the plugin (what SIGTERM does) cancels the running jobs on the service",
        arguments: PluginTestClient.Transport.allCases)
    func shutdownCancels(transport: PluginTestClient.Transport) async throws {
        let service = try await FakeBatchService.start(runningPolls: 100)
        try await PluginTestClient.with(try batchPlugin(service), transport: transport) { client in
            _ = try await client.execute(batchCall())
            _ = try await client.execute(batchCall(template: "other"))
        }
        #expect(service.cancellations.sorted() == ["job-1", "job-2"])
        await service.stop()
    }

    @Test("a service that refuses the submission fails the node; one that is unavailable answers 503 for Argo to retry")
    func submissionErrors() async throws {
        let service = FakeService([.post("/jobs", .json(["error": "no such queue"], status: 422), .status(503))])
        try service.listen()
        let plugin = try Batch(service: BatchService(url: service.url), logger: PluginTestClient.quietLogger())
        try await PluginTestClient.with(plugin, transport: .inProcess) { client in
            let refused = try await client.execute(batchCall())
            #expect(refused.node?.phase == .failed)
            let message = refused.node?.message ?? ""
            #expect(message.hasPrefix("the job could not start: the batch service refused POST /jobs with HTTP 422"))
            let unavailable = await #expect(throws: PluginCallError.self) { try await client.execute(batchCall()) }
            #expect(unavailable?.result.status == 503)
        }
        await service.stop()
    }

    @Test("an empty command fails the node before anything is submitted")
    func emptyCommand() async throws {
        let service = try await FakeBatchService.start()
        let reply = try await PluginTestClient.with(try batchPlugin(service), transport: .inProcess) { client in
            try await client.execute(batchCall(command: []))
        }
        #expect(reply.node?.message == "the job could not start: plugin.batch.command is empty")
        #expect(service.submissions.isEmpty)
        await service.stop()
    }
}
