/// Runs a plugin's side effect at most once per ``IdempotencyKey`` while the process lives, within a time to live.
///
/// Argo re-sends `template.execute` after its 30 s client timeout, after requeues and when the agent restarts.
/// Wrap the side effect (posting a message, starting a job) in ``once(_:inFlightRequeue:_:)``:
///
/// - the first call for a key runs `work`;
/// - a call while that one is still running answers `Running` with a short requeue, so Argo asks again later
///   instead of doing the work twice;
/// - a call after `work` returned `Succeeded` gets the same reply again without running `work`, until the TTL
///   expires;
/// - failures, thrown errors and `Running` replies are not remembered, so Argo's retries and requeues act again.
///
/// The ledger is for side effects that complete within one call. Work that outlives a call (a build, a batch job,
/// an approval) replies `Running`, which the ledger does not remember, so wrapping its start in `once` would start
/// it again on every requeue. Adopt ``JobPlugin`` for that: it starts the job once per key across requeues,
/// duplicate calls and (with a state directory) restarts, then polls it.
///
/// ```swift
/// struct Slack: TemplatePlugin {
///     let ledger = IdempotencyLedger()
///     func execute(_ p: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
///         try await ledger.once(context.idempotencyKey(pluginKey: Self.key)) { try await post(p) }
///     }
/// }
/// ```
///
/// The ledger is in memory: a restarted sidecar forgets it. It keeps at most `capacity` successes, dropping the
/// oldest first.
public actor IdempotencyLedger {
    private struct Entry {
        var reply: ExecuteTemplateReply
        var expires: ContinuousClock.Instant
    }

    private let ttl: Swift.Duration
    private let capacity: Int
    private var done: [IdempotencyKey: Entry] = [:]
    private var order: [IdempotencyKey] = []
    private var inFlight: Set<IdempotencyKey> = []

    /// A ledger remembering successes for `ttl` (default one hour), at most `capacity` of them.
    public init(ttl: Swift.Duration = .seconds(3600), capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = max(1, capacity)
    }

    /// Runs `work` unless the same key already succeeded (its reply is returned) or is running (`Running` with
    /// `inFlightRequeue` is returned).
    public func once(
        _ key: IdempotencyKey, inFlightRequeue: GoDuration = .seconds(5),
        _ work: @Sendable () async throws -> ExecuteTemplateReply
    ) async throws -> ExecuteTemplateReply {
        let now = ContinuousClock.now
        if let entry = done[key] {
            if entry.expires > now { return entry.reply }
            done[key] = nil
            order.removeAll { $0 == key }
        }
        guard inFlight.insert(key).inserted else {
            return .running(message: "an identical call is already in progress", requeueAfter: inFlightRequeue)
        }
        defer { inFlight.remove(key) }
        let reply = try await work()
        if reply.node?.phase == .succeeded { remember(key, reply) }
        return reply
    }

    /// Whether `key` succeeded within the TTL.
    public func hasSucceeded(_ key: IdempotencyKey) -> Bool {
        guard let entry = done[key] else { return false }
        return entry.expires > .now
    }

    private func remember(_ key: IdempotencyKey, _ reply: ExecuteTemplateReply) {
        if done[key] == nil { order.append(key) }
        done[key] = Entry(reply: reply, expires: .now.advanced(by: ttl))
        while done.count > capacity, !order.isEmpty {
            done[order.removeFirst()] = nil
        }
    }
}
