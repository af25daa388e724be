import ArgoModels
import Logging

/// One plugin's jobs by key (the hex ``IdempotencyKey``): the state each call of ``JobPlugin`` acts on, in memory
/// and, with a state directory, in a ``JobStateFile`` written before the SDK acts on a change.
///
/// A job is `starting` from the moment its intent is recorded until `start` returns, then `running`, then
/// `finished`. Calls for a job that is starting are answered `Running`; concurrent calls that end a job (a timeout,
/// a failed poll) share one cancellation and one answer.
actor JobStore {
    /// What a call does for its job.
    enum Step: Sendable {
        /// No job yet: this call starts it; its intent is recorded.
        case start(JobRecord)
        /// Another call is starting the job.
        case starting
        /// The job runs: poll it.
        case poll(JobRecord)
        /// The job ended with this answer.
        case finished(ExecuteTemplateReply)
        /// The plugin is shutting down and starts no job.
        case shuttingDown
    }

    private struct Entry {
        var record: JobRecord
        /// When Argo's next call is due; a running job whose call is a TTL late is abandoned.
        var due: ContinuousClock.Instant
        /// The task running `start`, for the shutdown to wait for.
        var starting: Task<Void, Never>?
        /// The task ending the job (cancel, then the answer), which concurrent calls share.
        var settling: Task<ExecuteTemplateReply, Never>?
        /// When a failure was first answered (this process only): calls within ``JobStore/duplicateWindow`` of it
        /// are duplicates of the answered call and get the same answer.
        var answeredAt: ContinuousClock.Instant?
    }

    /// How long after a failure is answered a call for the same job still counts as a duplicate of the answered
    /// call (a concurrent or re-sent call that lost the race) rather than a retry of the node. Argo's retry of a
    /// failed node comes after the agent has reported the failure and the controller has made the retry node.
    static let duplicateWindow: Swift.Duration = .seconds(2)

    let ttl: Swift.Duration
    let file: JobStateFile?
    private let logger: Logger
    private var entries: [String: Entry]
    private var closing = false
    private var background: [Int: Task<Void, Never>] = [:]
    private var nextBackground = 0
    private var lastSweep = ContinuousClock.now

    /// The jobs in `file` (none without one). A job recorded as starting was interrupted by a crash or a kill
    /// before its handle was saved: it is not started again, and its next call is answered `Failed`.
    init(file: JobStateFile?, ttl: Swift.Duration, logger: Logger) throws(ConfigurationError) {
        self.file = file
        self.ttl = ttl
        self.logger = logger
        var loaded: [String: Entry] = [:]
        var interrupted = 0
        let now = ContinuousClock.now
        for (key, var record) in try file?.load() ?? [:] {
            if record.state == .starting {
                record.state = .finished
                record.reply = .failed(JobMessages.interrupted)
                record.finishedAt = WallClock.now()
                record.answered = false
                interrupted += 1
            }
            loaded[key] = Entry(record: record, due: now)
        }
        entries = loaded
        if let file {
            let running = loaded.values.filter { $0.record.state == .running }.count
            logger.info(
                "jobs loaded from the state file",
                metadata: ["path": "\(file.path)", "running": "\(running)", "interrupted": "\(interrupted)"])
            if interrupted > 0 {
                logger.error(
                    "jobs were interrupted while starting: they are not started again and their nodes will fail",
                    metadata: ["jobs": "\(interrupted)"])
                do {
                    try file.save(loaded.mapValues(\.record))
                } catch {
                    logger.error("cannot write the job state file", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    /// Decides what the call for `key` does. When it must start the job, the intent is recorded first.
    ///
    /// - Throws: a ``JobStateFile/Failure`` when the intent cannot be written: the job must not start then.
    func begin(
        _ key: String, workflow: String, template: String, timeout: String?, timeoutDuration: GoDuration?
    ) throws -> Step {
        let now = ContinuousClock.now
        let previous = entries[key]
        if var entry = previous {
            switch entry.record.state {
            case .starting:
                return .starting
            case .running:
                entry.due = now
                entries[key] = entry
                return .poll(entry.record)
            case .finished:
                // A failure answered more than `duplicateWindow` ago makes this call a retry of the node: it starts
                // a new job. Within the window it is a duplicate of the answered call.
                let duplicate = entry.answeredAt.map { now - $0 < Self.duplicateWindow } ?? false
                if let reply = entry.record.reply, entry.record.succeeded || !entry.record.answered || duplicate {
                    if !entry.record.answered { markAnswered(key) }
                    return .finished(reply)
                }
            }
        }
        guard !closing else { return .shuttingDown }
        let wall = WallClock.now()
        let record = JobRecord(
            state: .starting, workflow: workflow, template: template, startedAt: wall, timeout: timeout,
            deadline: timeoutDuration.map { wall + $0.seconds })
        entries[key] = Entry(record: record, due: now)
        do {
            try save()
        } catch {
            entries[key] = previous
            throw error
        }
        return .start(record)
    }

    /// Runs `work` (the job's `start`) in a task the shutdown waits for. Returns `false`, and forgets the job,
    /// when the plugin began shutting down since ``begin(_:workflow:template:timeout:timeoutDuration:)``.
    func launch(_ key: String, _ work: @escaping @Sendable () async -> Void) -> Bool {
        guard !closing else {
            forget(key)
            return false
        }
        entries[key]?.starting = Task { await work() }
        return true
    }

    /// `start` returned `handle`, recorded now. Returns `true` when the plugin is shutting down: the caller
    /// cancels the job at once (it is recorded as cancelled).
    func started(_ key: String, handle: JSONValue) -> Bool {
        guard var entry = entries[key] else { return closing }
        entry.starting = nil
        entry.record.handle = handle
        if closing {
            end(&entry.record, .failed(JobMessages.cancelled(.shutdown)))
        } else {
            entry.record.state = .running
        }
        entries[key] = entry
        saveLogging()
        return closing
    }

    /// `start` failed: the job is forgotten, so the next call (Argo's retry after a 503, or a retry of the node)
    /// starts it again.
    func forget(_ key: String) {
        guard entries.removeValue(forKey: key) != nil else { return }
        saveLogging()
    }

    /// A running job was answered with `requeue`: Argo's next call is due after it.
    func due(_ key: String, after requeue: Swift.Duration) {
        entries[key]?.due = .now + requeue
    }

    /// The job ended with `reply`, which the current call answers. If it had ended meanwhile (the shutdown, the
    /// TTL), that answer stands and is returned instead.
    func finish(_ key: String, _ reply: ExecuteTemplateReply) -> ExecuteTemplateReply {
        guard var entry = entries[key] else { return reply }
        if entry.record.state == .finished, let earlier = entry.record.reply {
            markAnswered(key)
            return earlier
        }
        end(&entry.record, reply)
        entries[key] = entry
        markAnswered(key)
        return reply
    }

    /// Ends a running job through `work` (which cancels it and returns the answer) once: concurrent calls for the
    /// same job wait for the first one's answer.
    func settle(_ key: String, _ work: @escaping @Sendable () async -> ExecuteTemplateReply) async
        -> ExecuteTemplateReply
    {
        if let pending = entries[key]?.settling { return await pending.value }
        if let entry = entries[key], entry.record.state == .finished, let reply = entry.record.reply {
            markAnswered(key)
            return reply
        }
        let task = Task { await work() }
        entries[key]?.settling = task
        let reply = await task.value
        entries[key]?.settling = nil
        return finish(key, reply)
    }

    /// Whether the periodic sweep is due (see ``sweep()``).
    var sweepDue: Bool { ContinuousClock.now - lastSweep >= Self.sweepInterval(ttl: ttl) }

    /// How often jobs are swept: a quarter of the TTL, at most a minute.
    static func sweepInterval(ttl: Swift.Duration) -> Swift.Duration {
        max(.milliseconds(10), min(ttl / 4, .seconds(60)))
    }

    /// Running jobs whose next call is a TTL late are abandoned: recorded as cancelled and returned, for the caller
    /// to cancel. Finished jobs older than the TTL are forgotten.
    func sweep() -> [(key: String, record: JobRecord)] {
        let now = ContinuousClock.now
        let wall = WallClock.now()
        let ttlSeconds = GoDuration(ttl).seconds
        lastSweep = now
        var abandoned: [(key: String, record: JobRecord)] = []
        var changed = false
        for (key, entry) in entries {
            switch entry.record.state {
            case .running where entry.settling == nil && now - entry.due > ttl:
                let record = entry.record
                end(&entries[key, default: entry].record, .failed(JobMessages.cancelled(.abandoned(GoDuration(ttl)))))
                abandoned.append((key, record))
                changed = true
            case .finished where (entry.record.finishedAt ?? wall) + ttlSeconds < wall:
                entries[key] = nil
                changed = true
            default:
                break
            }
        }
        if changed { saveLogging() }
        return abandoned
    }

    /// Runs `work` (a cancellation) in a task the shutdown waits for.
    func track(_ work: @escaping @Sendable () async -> Void) {
        let id = nextBackground
        nextBackground += 1
        background[id] = Task {
            await work()
            self.untrack(id)
        }
    }

    private func untrack(_ id: Int) {
        background[id] = nil
    }

    /// Shutting down: no job starts any more, and running jobs are recorded as cancelled. Returns those jobs, for
    /// the caller to cancel, and the work to wait for: starts under way (which cancel their job when `start`
    /// returns) and cancellations under way.
    func close() -> (cancel: [(key: String, record: JobRecord)], wait: [Task<Void, Never>]) {
        closing = true
        var cancel: [(key: String, record: JobRecord)] = []
        var wait: [Task<Void, Never>] = Array(background.values)
        for (key, entry) in entries {
            if let starting = entry.starting { wait.append(starting) }
            if let settling = entry.settling { wait.append(Task { _ = await settling.value }) }
            guard entry.record.state == .running, entry.settling == nil else { continue }
            cancel.append((key, entry.record))
            end(&entries[key, default: entry].record, .failed(JobMessages.cancelled(.shutdown)))
        }
        if !cancel.isEmpty { saveLogging() }
        return (cancel, wait)
    }

    /// The number of jobs in each state, for tests and logs.
    var counts: [JobRecord.State: Int] {
        entries.values.reduce(into: [:]) { $0[$1.record.state, default: 0] += 1 }
    }

    /// Records that the job's answer went out (saved), and when, for the duplicate window.
    private func markAnswered(_ key: String) {
        guard entries[key] != nil else { return }
        if entries[key]?.record.answered == false {
            entries[key]?.record.answered = true
            entries[key]?.answeredAt = .now
        }
        saveLogging()
    }

    private func end(_ record: inout JobRecord, _ reply: ExecuteTemplateReply) {
        record.state = .finished
        record.reply = reply
        record.finishedAt = WallClock.now()
        record.answered = false
    }

    private func save() throws {
        try file?.save(entries.mapValues(\.record))
    }

    /// Saves, logging a failure: for changes after the fact, which the SDK cannot undo.
    private func saveLogging() {
        do {
            try save()
        } catch {
            logger.error("cannot write the job state file; a restart may lose this change", metadata: ["error": "\(error)"])
        }
    }
}
