import ArgoModels

/// Why the SDK cancels a job (``JobPlugin/cancel(_:reason:)``).
public enum JobCancelReason: Sendable, Hashable, CustomStringConvertible {
    /// The template's `timeout` (this long) passed, counted from the job's start; the node fails.
    case timedOut(GoDuration)
    /// ``JobPlugin/poll(_:context:)`` threw an error that is not a ``TransientError``; the node fails with it.
    case pollFailed(String)
    /// The sidecar is shutting down (SIGTERM). Argo deletes the agent pod when the workflow is stopped,
    /// terminated or finished (Argo issue 10476), so nothing would poll the job again.
    case shutdown
    /// Argo has not asked about the job for this long after its requeue was due (`--job-ttl`).
    case abandoned(GoDuration)

    /// A sentence for logs and node messages.
    public var description: String {
        switch self {
        case .timedOut(let timeout): "the template's timeout (\(timeout)) passed"
        case .pollFailed(let error): "polling it failed: \(error)"
        case .shutdown: "the plugin was shut down (SIGTERM) while the job ran"
        case .abandoned(let ttl): "Argo had not asked about it for \(ttl) after its requeue was due"
        }
    }
}
