import ArgoModels

/// One `template.execute` call of a ``JobPlugin``: what ``JobPlugin/execute(_:context:)`` does.
struct JobCall<P: JobPlugin>: Sendable {
    let plugin: P
    let driver: JobDriver
    let context: PluginContext

    private var store: JobStore { driver.store }

    /// How a `start` run in its own task ended.
    private enum StartOutcome: Sendable {
        case started(P.JobHandle)
        case transient(TransientError)
        case failed(ExecuteTemplateReply)
    }

    func run(_ parameters: P.Parameters) async throws -> ExecuteTemplateReply {
        await driver.sweepIfDue()
        var timeoutText = context.template?.timeout
        if timeoutText?.isEmpty == true { timeoutText = nil }
        let timeout = context.template?.timeoutDuration
        if let timeoutText, timeout == nil { return .failed(JobMessages.badTimeout(timeoutText)) }
        let key = context.idempotencyKey(pluginKey: P.key).hex
        let workflow = [context.namespace, context.workflowName].compactMap { $0 }.joined(separator: "/")
        let step: JobStore.Step
        do {
            step = try await store.begin(
                key, workflow: workflow, template: context.templateName, timeout: timeoutText, timeoutDuration: timeout)
        } catch {
            context.logger.error("cannot record the job in the state directory", metadata: ["error": "\(error)"])
            throw TransientError(JobMessages.notRecorded(error))
        }
        switch step {
        case .start(let record):
            return try await start(parameters, key: key, record: record)
        case .starting:
            return .running(message: JobMessages.starting, requeueAfter: plugin.pollInterval)
        case .poll(let record):
            guard let stored = record.handle else {
                return .running(message: JobMessages.starting, requeueAfter: plugin.pollInterval)
            }
            let handle: P.JobHandle
            do {
                handle = try JobHandleCoding.decode(P.JobHandle.self, from: stored)
            } catch {
                return await store.finish(key, .failed("the job's recorded handle does not decode: \(error)"))
            }
            return try await poll(handle, key: key, record: record)
        case .finished(let reply):
            return reply
        case .shuttingDown:
            throw TransientError(JobMessages.shuttingDown)
        }
    }

    /// Starts the job in a task of its own, so that the handle is recorded when `start` returns even if this
    /// call's deadline passed first (the call then ends, and Argo's retry is answered `Running` meanwhile); then
    /// polls it once.
    private func start(_ parameters: P.Parameters, key: String, record: JobRecord) async throws
        -> ExecuteTemplateReply
    {
        let (plugin, context, driver) = (self.plugin, self.context, self.driver)
        // The outcome reaches this call through a stream, whose `next()` returns nil when the call is cancelled.
        let (outcomes, outcome) = AsyncStream.makeStream(of: StartOutcome.self, bufferingPolicy: .bufferingNewest(1))
        let launched = await store.launch(key) {
            outcome.yield(await Self.startJob(plugin, parameters, context, driver: driver, key: key, record: record))
            outcome.finish()
        }
        guard launched else { throw TransientError(JobMessages.shuttingDown) }
        var iterator = outcomes.makeAsyncIterator()
        switch await iterator.next() {
        case .started(let handle): return try await poll(handle, key: key, record: record)
        case .transient(let error): throw error
        case .failed(let reply): return reply
        case nil: throw CancellationError()
        }
    }

    /// Runs `start` and records its handle (or forgets the job when it failed).
    private static func startJob(
        _ plugin: P, _ parameters: P.Parameters, _ context: PluginContext, driver: JobDriver, key: String,
        record: JobRecord
    ) async -> StartOutcome {
        let store = driver.store
        let handle: P.JobHandle
        do {
            handle = try await plugin.start(parameters, context: context)
        } catch let error as TransientError {
            await store.forget(key)
            return .transient(error)
        } catch {
            await store.forget(key)
            context.logger.info("the job could not start", metadata: ["job": "\(key.prefix(16))", "error": "\(error)"])
            return .failed(.failed(JobMessages.startFailed(error)))
        }
        let stored: JSONValue
        do {
            stored = try JobHandleCoding.encode(handle)
        } catch {
            await store.forget(key)
            context.logger.error("the job's handle cannot be encoded", metadata: ["job": "\(key.prefix(16))"])
            return .failed(.failed(JobMessages.handleNotEncodable(error)))
        }
        if await store.started(key, handle: stored) {
            var cancelled = record
            cancelled.handle = stored
            let failure = await driver.cancel(stored, key: key, record: cancelled, reason: .shutdown)
            return .failed(.failed(JobMessages.cancelled(.shutdown) + (failure.map { "; cancelling failed: \($0)" } ?? "")))
        }
        context.logger.info("job started", metadata: ["job": "\(key.prefix(16))"])
        return .started(handle)
    }

    /// Polls a running job, or ends it when its timeout has passed.
    private func poll(_ handle: P.JobHandle, key: String, record: JobRecord) async throws -> ExecuteTemplateReply {
        if let deadline = record.deadline, WallClock.now() >= deadline {
            let timeout = GoDuration(seconds: deadline - record.startedAt)
            return await store.settle(key) {
                let failure = await cancel(handle, key: key, record: record, reason: .timedOut(timeout))
                return .failed(JobMessages.timedOut(timeout, cancelError: failure))
            }
        }
        let status: JobStatus
        do {
            status = try await plugin.poll(handle, context: context)
        } catch let error as TransientError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            let text = String(describing: error)
            return await store.settle(key) {
                let failure = await cancel(handle, key: key, record: record, reason: .pollFailed(text))
                return .failed(JobMessages.pollFailed(text, cancelError: failure))
            }
        }
        switch status {
        case .running(let message, let requested):
            let wait = requeue(requested, deadline: record.deadline)
            await store.due(key, after: wait.swiftDuration)
            return .running(message: message, requeueAfter: wait)
        case .succeeded(let message, let outputs):
            context.logger.info("job succeeded", metadata: ["job": "\(key.prefix(16))"])
            return await store.finish(key, .succeeded(message: message, outputs: outputs))
        case .failed(let message, let outputs):
            context.logger.info("job failed", metadata: ["job": "\(key.prefix(16))"])
            return await store.finish(key, .failed(message, outputs: outputs))
        }
    }

    /// The requeue for a running job: the poll's own, else the plugin's interval, never past the timeout (and at
    /// least a second, so a passed timeout is seen on the next call).
    func requeue(_ requested: GoDuration?, deadline: Double?) -> GoDuration {
        var wait = requested.flatMap { $0.nanoseconds > 0 ? $0 : nil } ?? plugin.pollInterval
        if let deadline {
            wait = min(wait, GoDuration(seconds: max(1, deadline - WallClock.now())))
        }
        return wait
    }

    /// Cancels the job through the plugin, as the driver logs it.
    private func cancel(_ handle: P.JobHandle, key: String, record: JobRecord, reason: JobCancelReason) async
        -> String?
    {
        guard let stored = try? JobHandleCoding.encode(handle) else { return "its handle cannot be encoded" }
        return await driver.cancel(stored, key: key, record: record, reason: reason)
    }
}
