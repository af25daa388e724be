import ArgoModels
import Logging

/// The SDK's side of a ``JobPlugin``, found once from the plugin: its ``JobStore``, and how to cancel a stored job
/// without knowing its handle's type, for the TTL sweep and the shutdown. A class, so that the context of every
/// call carries one reference.
final class JobDriver: Sendable {
    let store: JobStore
    /// The type of the plugin whose jobs these are.
    let plugin: ObjectIdentifier
    private let logger: Logger
    private let cancelStored: @Sendable (JSONValue, JobCancelReason) async throws -> Void

    /// The driver of `plugin` when it is a ``JobPlugin``: jobs in `configuration.stateDirectory`, or in memory.
    static func make(for plugin: some Plugin, configuration: PluginConfiguration, logger: Logger)
        throws(ConfigurationError) -> JobDriver?
    {
        guard let jobs = plugin as? any JobPlugin else { return nil }
        return try make(jobs, stateDirectory: configuration.stateDirectory, ttl: configuration.jobTTL, logger: logger)
    }

    /// An in-memory driver (for a responder built without one), when `plugin` is a ``JobPlugin``.
    static func inMemory(for plugin: some Plugin, ttl: Swift.Duration, logger: Logger) -> JobDriver? {
        guard let jobs = plugin as? any JobPlugin else { return nil }
        return try? make(jobs, stateDirectory: nil, ttl: ttl, logger: logger)
    }

    private init(
        store: JobStore, plugin: ObjectIdentifier, logger: Logger,
        cancelStored: @escaping @Sendable (JSONValue, JobCancelReason) async throws -> Void
    ) {
        self.store = store
        self.plugin = plugin
        self.logger = logger
        self.cancelStored = cancelStored
    }

    static func make<J: JobPlugin>(_ plugin: J, stateDirectory: String?, ttl: Swift.Duration, logger: Logger)
        throws(ConfigurationError) -> JobDriver
    {
        var file: JobStateFile?
        if let stateDirectory { file = try JobStateFile(directory: stateDirectory, pluginKey: J.key) }
        return JobDriver(
            store: try JobStore(file: file, ttl: ttl, logger: logger), plugin: ObjectIdentifier(J.self),
            logger: logger
        ) { handle, reason in
            try await plugin.cancel(JobHandleCoding.decode(J.JobHandle.self, from: handle), reason: reason)
        }
    }

    /// Where the jobs are kept, for the start-up log.
    var whereKept: String {
        store.file.map { "in \($0.path)" } ?? "in memory only (a restarted sidecar forgets them; see --state-dir)"
    }

    /// Cancels the running jobs Argo has stopped asking about (see ``JobStore/sweep()``), in the background.
    func sweep() async {
        let ttl = GoDuration(store.ttl)
        for (key, record) in await store.sweep() {
            guard let handle = record.handle else { continue }
            await store.track { _ = await self.cancel(handle, key: key, record: record, reason: .abandoned(ttl)) }
        }
    }

    /// ``sweep()`` when it is due: the calls of a plugin served without the server's periodic sweep run it.
    func sweepIfDue() async {
        if await store.sweepDue { await sweep() }
    }

    /// Cancels every unfinished job, and waits for starts under way to be cancelled, until `deadline`.
    func shutdown(until deadline: ContinuousClock.Instant) async {
        let (running, wait) = await store.close()
        guard !running.isEmpty || !wait.isEmpty else { return }
        logger.info("cancelling unfinished jobs", metadata: ["jobs": "\(running.count)", "jobs.underway": "\(wait.count)"])
        var tasks = wait
        for (key, record) in running {
            guard let handle = record.handle else { continue }
            tasks.append(Task { _ = await self.cancel(handle, key: key, record: record, reason: .shutdown) })
        }
        if !(await TaskDeadline.waitForAll(tasks, until: deadline)) {
            logger.error("the shutdown grace ran out before every job was cancelled; the rest may run on")
        }
    }

    /// Calls the plugin's `cancel` for a stored job and logs the outcome; returns the error's description when it
    /// failed.
    func cancel(_ handle: JSONValue, key: String, record: JobRecord, reason: JobCancelReason) async -> String? {
        let metadata: Logger.Metadata = [
            "job": "\(key.prefix(16))", "argo.workflow": "\(record.workflow)", "argo.template": "\(record.template)",
            "reason": "\(reason)",
        ]
        do {
            try await cancelStored(handle, reason)
            logger.info("job cancelled", metadata: metadata)
            return nil
        } catch {
            var failed = metadata
            failed["error"] = "\(error)"
            logger.warning("cancelling the job failed", metadata: failed)
            return String(describing: error)
        }
    }
}
