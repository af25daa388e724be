import Logging
import ServiceLifecycle
import Synchronization

/// Serves one plugin over HTTP on libmicrohttpd, as a swift-service-lifecycle `Service`.
///
/// `run()` starts listening (if ``start()`` was not called already) and returns after a graceful shutdown:
/// new connections are refused, in-flight calls finish within the grace period (while a ``JobPlugin``'s unfinished
/// jobs are cancelled, within the same grace period), then the plugin's ``Plugin/shutdown()`` runs. ``PluginRuntime`` builds one from flags and environment variables (and is itself a
/// `Service`); use the server directly when you already hold a complete configuration, as tests and benchmarks do.
///
/// ```swift
/// let server = try PluginServer(plugin: Hello(), configuration: configuration, logger: logger)
/// let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm], logger: logger)
/// try await group.run()
/// ```
public final class PluginServer<P: Plugin>: Service, Sendable {
    /// The plugin served.
    public let plugin: P
    /// The configuration in force.
    public let configuration: PluginConfiguration
    /// libmicrohttpd's worker threads, and why that many.
    let threads: ThreadPoolSize
    private let logger: Logger
    private let transport: MicroHTTPDServer
    private let started = ServerStartState()
    private let onListening: (@Sendable (Int) -> Void)?
    /// A ``JobPlugin``'s jobs, and the task that sweeps them while the server listens.
    let jobs: JobDriver?
    private let sweeper = Mutex<Task<Void, Never>?>(nil)

    /// Creates a server, reading the token file now so a missing or unreadable token fails before listening.
    ///
    /// Throws ``ConfigurationError`` when the plugin adopts no handler protocol (it would answer 404 to every call),
    /// naming the protocols to adopt, and for a ``JobPlugin`` whose state directory cannot be used or whose state
    /// file cannot be read.
    ///
    /// - Parameters:
    ///   - plugin: the plugin to serve.
    ///   - configuration: address, token file, limits and timeouts.
    ///   - logger: where the server logs; it never bootstraps logging itself.
    ///   - onListening: called once with the bound port when the server starts listening.
    public convenience init(
        plugin: P, configuration: PluginConfiguration, logger: Logger = Logger(label: "argo-plugin"),
        onListening: (@Sendable (Int) -> Void)? = nil
    ) throws {
        try self.init(
            plugin: plugin, configuration: configuration, threadsSource: "set in code", logger: logger,
            onListening: onListening)
    }

    /// Creates a server; `threadsSource` names where an explicit `configuration.threads` came from, for the log.
    init(
        plugin: P, configuration: PluginConfiguration, threadsSource: String, logger: Logger,
        onListening: (@Sendable (Int) -> Void)?
    ) throws {
        try PluginHandlers.requireServedMethod(plugin)
        let token = try Self.loadToken(plugin: plugin, configuration: configuration, logger: logger)
        self.plugin = plugin
        self.configuration = configuration
        self.logger = logger
        self.onListening = onListening
        let threads = configuration.threads.map { ThreadPoolSize.chosen($0, by: threadsSource) } ?? .detect()
        self.threads = threads
        let jobs = try JobDriver.make(for: plugin, configuration: configuration, logger: logger)
        self.jobs = jobs
        let responder = PluginResponder(
            plugin: plugin, token: token, configuration: configuration, logger: logger, jobs: jobs)
        self.transport = MicroHTTPDServer(
            settings: TransportSettings(
                host: configuration.host, port: configuration.port, threads: threads.count,
                connectionTimeoutSeconds: configuration.connectionTimeoutSeconds,
                connectionLimit: configuration.connectionLimit, maxHeaderBytes: configuration.maxHeaderBytes,
                maxBodyBytes: configuration.maxBodyBytes, callTimeout: configuration.callTimeout),
            responder: responder.core, logger: logger)
    }

    /// Reads the token. Without a token file, a plugin that serves only controller hooks may still start when
    /// `controllerHooksWithoutToken` is on (the workflow-controller pod has no Argo token); it must listen on
    /// loopback.
    private static func loadToken(plugin: P, configuration: PluginConfiguration, logger: Logger) throws
        -> BearerToken?
    {
        guard configuration.controllerHooksWithoutToken else {
            return try TokenFile.load(from: configuration.tokenFile)
        }
        guard ListenAddress.isLoopback(configuration.host) else {
            throw ConfigurationError(
                description: """
                    controller hooks without a token are only allowed on a loopback host, not \
                    \(configuration.host); drop --controller-hooks-without-token or bind 127.0.0.1
                    """)
        }
        logger.warning(
            "serving controller hooks without a token: only for a sidecar on loopback inside the workflow-controller pod")
        do {
            return try TokenFile.load(from: configuration.tokenFile)
        } catch {
            if plugin.servedMethods.contains(.templateExecute) { throw error }
            logger.notice("no token file; every caller that sends a token is refused", metadata: ["error": "\(error.reason)"])
            return nil
        }
    }

    /// Binds and starts serving; returns the bound port. Calling it again returns the same port.
    @discardableResult
    public func start() throws -> Int {
        try started.startOnce {
            let port = try transport.start()
            let methods = plugin.servedMethods.map(\.rawValue).sorted().joined(separator: ", ")
            logger.info(
                "plugin listening",
                metadata: [
                    "address": "http://\(ListenAddress.urlHost(configuration.host)):\(port)",
                    "plugin": "\(plugin.name)", "methods": "\(methods)",
                    "threads": "\(threads)",
                ])
            if !ListenAddress.isLoopback(configuration.host) {
                logger.warning(
                    "listening beyond loopback: anything that can reach this address can call the plugin with the token",
                    metadata: ["host": "\(configuration.host)"])
            }
            if let jobs {
                logger.info("jobs are kept \(jobs.whereKept)", metadata: ["job-ttl": "\(configuration.jobTTL)"])
                startSweeping(jobs)
            }
            onListening?(port)
            return port
        }
    }

    /// Starts if needed, waits for graceful shutdown, then drains.
    ///
    /// Inside a `ServiceGroup`, listening starts only after the group has installed its signal handlers, so a
    /// SIGTERM that arrives right after the port opens is never lost.
    public func run() async throws {
        try start()
        try? await gracefulShutdown()
        _ = await stop()
    }

    /// Drains and stops: refuses new calls, waits up to the grace period for in-flight ones (and cancels a
    /// ``JobPlugin``'s unfinished jobs meanwhile, within the same period), then runs the plugin's shutdown hook (an
    /// error it throws is logged). Returns `false` if calls were still running when the grace period ran out.
    @discardableResult
    public func stop() async -> Bool {
        logger.info("shutting down", metadata: ["grace": "\(configuration.shutdownGracePeriod)"])
        sweeper.withLock { $0?.cancel() }
        let deadline = ContinuousClock.now + configuration.shutdownGracePeriod
        async let cancelled: Void? = jobs?.shutdown(until: deadline)
        let drained = await transport.drain(grace: configuration.shutdownGracePeriod)
        await cancelled
        do {
            try await plugin.shutdown()
        } catch {
            logger.warning("the plugin's shutdown failed", metadata: ["error": "\(error)"])
        }
        logger.info("stopped", metadata: ["drained": "\(drained)"])
        return drained
    }

    /// Sweeps the jobs (``JobDriver/sweep()``) every ``JobStore/sweepInterval(ttl:)`` until ``stop()``.
    private func startSweeping(_ jobs: JobDriver) {
        let interval = JobStore.sweepInterval(ttl: configuration.jobTTL)
        sweeper.withLock { task in
            task = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    guard !Task.isCancelled else { return }
                    await jobs.sweep()
                }
            }
        }
    }

    /// Calls handed to the plugin whose reply has not been sent yet (for tests and diagnostics).
    var callsInFlight: Int { transport.inflight.load(ordering: .sequentiallyConsistent) }

    /// Requests libmicrohttpd still holds state for, answered or not (for tests and diagnostics).
    var requestsOpen: Int { transport.openRequests.load(ordering: .relaxed) }

}
