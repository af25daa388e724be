import ArgoModels

/// A ``TemplatePlugin`` for work that outlives one call: start it once, poll it on every requeue, finish.
///
/// Argo's answer to long work is `Running` with a `requeue`: the agent calls again after it, until a terminal
/// phase. A `JobPlugin` implements that loop for you. You write three functions; the SDK implements
/// ``TemplatePlugin/execute(_:context:)``:
///
/// - ``start(_:context:)`` is called **at most once per job**: per ``IdempotencyKey`` (workflow UID, template name,
///   input parameters, `plugin.<key>`), across requeues, concurrent duplicate calls and, with a state directory
///   (`--state-dir`, `ARGO_PLUGIN_STATE_DIR`), a restart of the sidecar. It returns a ``JobHandle`` the SDK keeps.
/// - ``poll(_:context:)`` is called on every later call, and once right after `start`. It returns
///   ``JobStatus/running(message:requeueAfter:)`` (Argo calls again after the requeue, ``pollInterval`` by default)
///   or a final ``JobStatus/succeeded(message:outputs:)`` / ``JobStatus/failed(_:outputs:)``.
/// - ``cancel(_:reason:)`` is called for a job that will not be polled to its end: the template's `timeout`
///   passed, `poll` threw, the sidecar is shutting down (SIGTERM: Argo deletes the agent pod when the workflow is
///   stopped, terminated or done), or Argo stopped asking about it for the job TTL (`--job-ttl`).
///
/// ```swift
/// struct Build: JobPlugin {
///     static let key = "build"
///     struct Parameters: Decodable, Sendable { var repository: String }
///     struct JobHandle: Codable, Sendable { var id: String }
///
///     let service: BuildService
///
///     func start(_ parameters: Parameters, context: PluginContext) async throws -> JobHandle {
///         JobHandle(id: try await service.submit(parameters.repository))
///     }
///
///     func poll(_ job: JobHandle, context: PluginContext) async throws -> JobStatus {
///         switch try await service.state(of: job.id) {
///         case .queued, .building: return .running(message: "building")
///         case .done(let image): return .succeeded(outputs: Outputs().parameter("image", image))
///         case .broken(let log): return .failed("the build failed: \(log)")
///         }
///     }
///
///     func cancel(_ job: JobHandle, reason: JobCancelReason) async throws {
///         try await service.cancel(job.id)
///     }
/// }
/// ```
///
/// Errors: ``TransientError`` from `start` or `poll` answers 503 and Argo retries the call; throw it from `start`
/// only when the job surely did not start, because the retry starts it. Any other error from `start` fails the
/// node; from `poll` it fails the node and cancels the job. Errors from `cancel` are logged.
///
/// A job that fails is not remembered once its failure is answered (calls within 2 s of the answer are duplicates
/// and get the same answer), so a retry of the node (`retryStrategy`, which keeps the key) starts a new job; a job
/// that succeeded is answered the same way again for the job TTL. See
/// <doc:LongRunningJobs> for the state directory, a crash while starting, the timeout and cancellation.
public protocol JobPlugin: TemplatePlugin {
    /// What identifies a started job to your service (its ID, its URL...): everything ``poll(_:context:)`` and
    /// ``cancel(_:reason:)`` need, since `cancel` may run in another process lifetime or without a call. It is
    /// stored as JSON in the state file, so keep secrets out of it.
    associatedtype JobHandle: Codable & Sendable

    /// How long Argo waits before calling again while the job runs, when ``JobStatus/running(message:requeueAfter:)``
    /// names no requeue, and while another call is still starting the job. Ten seconds by default.
    var pollInterval: GoDuration { get }

    /// Starts the job for a template whose `plugin.<key>` decoded into `parameters`. Called at most once per job.
    ///
    /// The call's deadline (``PluginContext/deadline``) is the time Argo waits for this reply. If `start` takes
    /// longer, Argo's retry is answered `Running` while it goes on, and the handle is kept when it returns.
    func start(_ parameters: Parameters, context: PluginContext) async throws -> JobHandle

    /// Where the job is now: on every call for it after ``start(_:context:)``, and once right after it.
    func poll(_ job: JobHandle, context: PluginContext) async throws -> JobStatus

    /// Stops a job the SDK will not poll to its end; `reason` says why. It may be called during a call, from the
    /// shutdown after SIGTERM (bounded by the shutdown grace), or with no call at all (a job Argo stopped asking
    /// about), so it gets no ``PluginContext``.
    func cancel(_ job: JobHandle, reason: JobCancelReason) async throws
}

extension JobPlugin {
    /// Ten seconds, as Argo's agent reports results every ten seconds.
    public var pollInterval: GoDuration { .seconds(10) }
}
