import Batch
import Foundation
import PluginSDK
import PluginSDKTesting
import Synchronization

/// A batch service on `127.0.0.1` (the test kit's `FakeService` with computed replies): a job is `queued`, then
/// `running` for ``runningPolls`` reads, then `succeeded` (or `failed` when its command's first word is `fail`);
/// `DELETE` cancels it. Every request is recorded.
final class FakeBatchService: Sendable {
    private struct Job {
        var command: [String]
        var reads = 0
        var cancelled = false
    }

    let fake: FakeService
    let runningPolls: Int
    private let jobs = Mutex<[String: Job]>([:])

    /// Starts a service whose jobs report `running` on their first `runningPolls` reads.
    static func start(runningPolls: Int = 1, submitDelay: Swift.Duration = .zero) async throws -> FakeBatchService {
        let service = FakeBatchService(fake: FakeService(), runningPolls: runningPolls)
        service.fake.route(.post("/jobs") { request in await service.submit(request, delay: submitDelay) })
        service.fake.route(.get("/jobs/*") { request in service.read(request) })
        service.fake.route(FakeRoute("DELETE", "/jobs/*") { request in service.cancel(request) })
        try service.fake.listen()
        return service
    }

    private init(fake: FakeService, runningPolls: Int) {
        self.fake = fake
        self.runningPolls = runningPolls
    }

    var url: String { fake.url }

    /// The `POST /jobs` received.
    var submissions: [RecordedRequest] { fake.requests(matching: "/jobs", method: "POST") }
    /// The `DELETE /jobs/{id}` received, by job ID.
    var cancellations: [String] {
        fake.requests(matching: "/jobs/*", method: "DELETE").map { String($0.path.dropFirst("/jobs/".count)) }
    }

    func stop() async { await fake.stop(grace: .seconds(1)) }

    private func submit(_ request: RecordedRequest, delay: Swift.Duration) async -> FakeReply {
        guard let submission = try? JSONDecoder().decode(BatchSubmission.self, from: Data(request.body)) else {
            return .json(["error": "not a submission"], status: 400)
        }
        let id = jobs.withLock { jobs in
            let id = "job-\(jobs.count + 1)"
            jobs[id] = Job(command: submission.command)
            return id
        }
        var reply = FakeReply.json(["id": .string(id)], status: 201)
        reply.delay = delay
        return reply
    }

    private func read(_ request: RecordedRequest) -> FakeReply {
        let id = String(request.path.dropFirst("/jobs/".count))
        let state = jobs.withLock { jobs -> BatchJobState? in
            guard var job = jobs[id] else { return nil }
            job.reads += 1
            jobs[id] = job
            if job.cancelled { return BatchJobState(state: "cancelled", message: "\(id) was cancelled") }
            if job.reads == 1 && runningPolls > 0 { return BatchJobState(state: "queued") }
            if job.reads <= runningPolls { return BatchJobState(state: "running", message: "\(id): step \(job.reads - 1)") }
            if job.command.first == "fail" { return BatchJobState(state: "failed", message: "\(id) exited with status 3") }
            return BatchJobState(state: "succeeded", message: "\(id) done", output: job.command.joined(separator: " "))
        }
        guard let state else { return .json(["error": "no such job"], status: 404) }
        return (try? .json(encoding: state)) ?? .status(500)
    }

    private func cancel(_ request: RecordedRequest) -> FakeReply {
        let id = String(request.path.dropFirst("/jobs/".count))
        let known = jobs.withLock { jobs in
            jobs[id]?.cancelled = true
            return jobs[id] != nil
        }
        return known ? .status(204) : .json(["error": "no such job"], status: 404)
    }
}
