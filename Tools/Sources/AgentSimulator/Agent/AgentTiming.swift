/// The waits and limits of Argo's agent: per-call timeout, retry backoff, workers, report tick, and the speed-up
/// of `--fast`.
///
/// Argo's agent (`workflow/executor/plugins/rpc/plugin.go`) gives every plugin call a 30 s HTTP client timeout
/// and retries transient failures with `wait.Backoff{Duration: 1s, Factor: 2, Jitter: 0.2, Steps: 5}`: at most
/// five attempts, waiting about 1, 2, 4 and 8 s (each up to 20 % longer) in between.
public struct AgentTiming: Sendable {
    /// The HTTP timeout of one call (Argo: 30 s).
    public var callTimeout: Swift.Duration = .seconds(30)
    /// The first backoff wait (Argo: 1 s).
    public var backoffBase: Swift.Duration = .seconds(1)
    /// How the wait grows after each attempt (Argo: 2).
    public var backoffFactor: Double = 2
    /// Up to this fraction is added to each wait at random (Argo: 0.2).
    public var jitter: Double = 0.2
    /// Attempts per call, the first included (Argo: 5).
    public var attempts: Int = 5
    /// Multiplies every wait (RPC backoff, requeues, the report tick, `retryStrategy` backoff); `--fast` sets 0.01
    /// (1 s becomes 10 ms, the 10 s tick 100 ms). The call timeout is never scaled: a slow plugin stays slow.
    public var waitScale: Double = 1
    /// How often one node may be requeued before the simulator gives up on it.
    public var maxRequeues: Int = 100
    /// The agent's task workers: plugin rounds that may run at once (Argo: `ARGO_AGENT_TASK_WORKERS`, 16).
    public var workers: Int = 16
    /// How often the agent reports results to the controller (Argo: `ARGO_AGENT_PATCH_RATE`, 10 s); scaled by
    /// ``waitScale`` like the other waits.
    public var patchRate: Swift.Duration = .seconds(10)

    /// Argo's values.
    public init() {}

    /// The wait before attempt `attempt + 1` (attempt counts from 1), with jitter and scale applied.
    func backoff(afterAttempt attempt: Int, random: Double = Double.random(in: 0...1)) -> Swift.Duration {
        var seconds = Self.seconds(backoffBase)
        for _ in 1..<max(1, attempt) { seconds *= backoffFactor }
        seconds += seconds * jitter * random
        return .milliseconds(Int64(seconds * waitScale * 1000))
    }

    /// A wait (requeue, tick, retry backoff) as the simulator sleeps it.
    func scaled(_ duration: Swift.Duration) -> Swift.Duration {
        .milliseconds(Int64(Self.seconds(duration) * waitScale * 1000))
    }

    static func seconds(_ duration: Swift.Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
