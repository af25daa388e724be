import Logging
import PluginSDK

/// Runs a command on a batch service and waits for it: a ``JobPlugin``, so the SDK starts the job once, polls it
/// on every requeue and cancels it when the template's `timeout` passes or the workflow is stopped.
///
/// ```yaml
/// - name: nightly-report
///   timeout: 30m                 # the job is cancelled and the node fails after 30 minutes
///   plugin:
///     batch:
///       command: [report, --day, "{{workflow.creationTimestamp.Y}}-{{workflow.creationTimestamp.m}}"]
///       queue: reports           # optional, "default"
/// ```
///
/// The node is `Running` (with the service's message) while the job is queued or runs, `Succeeded` with the
/// job's output as `outputs.result` and its ID as the output parameter `job-id`, or `Failed` with the service's
/// reason.
public struct Batch: JobPlugin {
    public static let key = "batch"

    /// `plugin.batch`.
    public struct Parameters: Decodable, Sendable {
        /// The command to run; required and not empty.
        public var command: [String]
        /// The queue, `default` when absent.
        public var queue: String?
    }

    /// What the service calls the job: everything `poll` and `cancel` need.
    public struct JobHandle: Codable, Sendable, Equatable {
        /// The service's job ID.
        public var id: String
    }

    /// Thrown by `start` for parameters the service would refuse anyway.
    struct InvalidParameters: Error, CustomStringConvertible {
        var description: String
    }

    let service: BatchService
    public let pollInterval: GoDuration
    let logger: Logger

    /// A plugin calling `service`, polling every `pollInterval`.
    public init(service: BatchService, pollInterval: GoDuration = .seconds(10), logger: Logger = Logger(label: "batch")) {
        self.service = service
        self.pollInterval = pollInterval
        self.logger = logger
    }

    /// The plugin from its options: a missing or invalid `--service-url` stops start-up with one line.
    public init(options: BatchOptions) throws {
        guard let url = options.serviceURL else {
            throw InvalidParameters(description: "--service-url (BATCH_SERVICE_URL) is required")
        }
        self.init(
            service: try BatchService(url: url, tokenFile: options.serviceTokenFile),
            pollInterval: GoDuration(seconds: options.pollSeconds))
    }

    public func start(_ parameters: Parameters, context: PluginContext) async throws -> JobHandle {
        guard !parameters.command.isEmpty else { throw InvalidParameters(description: "plugin.batch.command is empty") }
        let name = [context.namespace, context.workflowName, context.templateName].compactMap { $0 }.joined(separator: "/")
        let submission = BatchSubmission(name: name, command: parameters.command, queue: parameters.queue ?? "default")
        let id = try await service.submit(submission, key: context.idempotencyKey(pluginKey: Self.key).hex, context: context)
        return JobHandle(id: id.id)
    }

    public func poll(_ job: JobHandle, context: PluginContext) async throws -> JobStatus {
        let state = try await service.state(of: job.id, context: context)
        switch state.state {
        case "queued", "running":
            return .running(message: state.message ?? "\(job.id) is \(state.state)", requeueAfter: pollInterval)
        case "succeeded":
            var outputs = Outputs().parameter("job-id", job.id)
            if let output = state.output { outputs = outputs.result(output) }
            return .succeeded(message: state.message ?? "\(job.id) succeeded", outputs: outputs)
        case "failed", "cancelled":
            return .failed(state.message ?? "\(job.id) \(state.state)", outputs: Outputs().parameter("job-id", job.id))
        default:
            return .failed("the batch service reports \(job.id) in an unknown state \"\(state.state)\"")
        }
    }

    public func cancel(_ job: JobHandle, reason: JobCancelReason) async throws {
        logger.info("cancelling batch job", metadata: ["batch.job": "\(job.id)", "reason": "\(reason)"])
        try await service.cancel(job.id, logger: logger)
    }
}
