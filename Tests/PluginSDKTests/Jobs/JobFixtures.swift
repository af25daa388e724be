import Foundation
import Logging
@_spi(Testing) @testable import PluginSDK

/// An in-memory job service: jobs finish after a number of polls; it records every start and cancel.
final class FakeJobService: Sendable {
    struct State: Sendable {
        var starts: [String] = []
        var polls = 0
        var cancels: [(id: String, reason: JobCancelReason)] = []
        var remaining: [String: Int] = [:]
        /// Starts entered, returned or not.
        var startsBegun = 0
        /// While set, starts wait (after counting themselves in ``startsBegun``).
        var holdStarts = false
        /// This many of the next starts never return (a process killed while starting, as far as anyone sees).
        var hangingStarts = 0
    }

    let state = Locked(State())

    var starts: Int { state.withLock { $0.starts.count } }
    var startsBegun: Int { state.withLock { $0.startsBegun } }

    /// Holds starts until ``release()``.
    func hold() { state.withLock { $0.holdStarts = true } }
    func release() { state.withLock { $0.holdStarts = false } }

    /// Waits until `count` starts have begun.
    func waitForStarts(_ count: Int) async throws {
        while startsBegun < count { try await Task.sleep(for: .milliseconds(10)) }
    }
    var cancels: [(id: String, reason: JobCancelReason)] { state.withLock { $0.cancels } }

    func start(polls: Int) -> String {
        state.withLock { state in
            let id = "job-\(state.starts.count + 1)"
            state.starts.append(id)
            state.remaining[id] = polls
            return id
        }
    }

    /// `nil` while the job runs; `true` when it is done.
    func poll(_ id: String) -> Bool {
        state.withLock { state in
            state.polls += 1
            let left = state.remaining[id] ?? 0
            state.remaining[id] = left - 1
            return left <= 0
        }
    }

    func cancel(_ id: String, reason: JobCancelReason) {
        state.withLock { $0.cancels.append((id, reason)) }
    }
}

/// A job plugin over ``FakeJobService`` whose behaviour `plugin.job` picks.
struct CountingJobs: JobPlugin {
    static let key = "job"
    let pollInterval: GoDuration = .seconds(7)

    struct Parameters: Decodable, Sendable {
        /// Running polls before the job succeeds.
        var polls: Int?
        /// `succeed`, `fail`, `poll-error`, `poll-transient`, `start-error`, `start-transient`, `hang`.
        var outcome: String?
        var requeue: String?
        var name: String?
    }

    struct JobHandle: Codable, Sendable {
        var id: String
        var outcome: String
        var requeue: String?
    }

    struct Boom: Error, CustomStringConvertible {
        var description: String
    }

    let service: FakeJobService

    func start(_ parameters: Parameters, context: PluginContext) async throws -> JobHandle {
        service.state.withLock { $0.startsBegun += 1 }
        while service.state.withLock({ $0.holdStarts }) { try? await Task.sleep(for: .milliseconds(10)) }
        let hangs = service.state.withLock { state in
            defer { state.hangingStarts = max(0, state.hangingStarts - 1) }
            return state.hangingStarts > 0
        }
        while hangs { try? await Task.sleep(for: .seconds(60)) }
        let outcome = parameters.outcome ?? "succeed"
        switch outcome {
        case "start-error": throw Boom(description: "the service refused the job")
        case "start-transient": throw TransientError("the service is busy")
        case "hang": while true { try? await Task.sleep(for: .seconds(60)) }
        default: break
        }
        return JobHandle(id: service.start(polls: parameters.polls ?? 0), outcome: outcome, requeue: parameters.requeue)
    }

    func poll(_ job: JobHandle, context: PluginContext) async throws -> JobStatus {
        switch job.outcome {
        case "poll-error": throw Boom(description: "the job vanished")
        case "poll-transient": throw TransientError("status unavailable")
        default: break
        }
        guard service.poll(job.id) else {
            return .running(message: "\(job.id) running", requeueAfter: try job.requeue.map { try GoDuration(parsing: $0) })
        }
        if job.outcome == "fail" { return .failed("\(job.id) broke") }
        return .succeeded(message: "\(job.id) done", outputs: Outputs().parameter("id", job.id))
    }

    func cancel(_ job: JobHandle, reason: JobCancelReason) async throws {
        service.cancel(job.id, reason: reason)
    }
}

/// Calls a job plugin in process, as Argo's agent would.
struct JobClient {
    let transport: InProcessTransport

    init(_ plugin: CountingJobs, configure: (inout PluginConfiguration) -> Void = { _ in }) throws {
        var configuration = PluginConfiguration()
        configuration.shutdownGracePeriod = .seconds(5)
        configure(&configuration)
        var logger = Logger(label: "jobs")
        logger.logLevel = .critical
        transport = try InProcessTransport(plugin: plugin, token: "t", configuration: configuration, logger: logger)
    }

    /// What a server does after SIGTERM: cancel unfinished jobs, then the plugin's shutdown.
    func shutdown() async {
        await transport.shutdown()
    }

    /// Calls `template.execute` for a template named `template` with `plugin.job` = `config`.
    func execute(_ config: String, template: String = "build", timeout: String? = nil) async throws
        -> (status: Int, reply: JSONValue)
    {
        let body = JobBodies.execute(config, template: template, timeout: timeout)
        let reply = await transport.call(path: "/api/v1/template.execute", authorization: "Bearer t", body: Array(body.utf8))
        return (reply.status, try JSONMeaning.parse(reply.body))
    }
}

enum JobBodies {
    static func execute(_ config: String, template: String = "build", timeout: String? = nil) -> String {
        let timeoutMember = timeout.map { #","timeout":"\#($0)""# } ?? ""
        return #"{"workflow":{"metadata":{"name":"wf","namespace":"argo","uid":"9d2a"}},"#
            + #""template":{"name":"\#(template)"\#(timeoutMember),"plugin":{"job":\#(config)}}}"#
    }
}

/// A fresh temporary directory.
func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "argo-plugin-jobs-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
