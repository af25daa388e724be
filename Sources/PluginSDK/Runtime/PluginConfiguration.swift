import Logging

/// Everything the SDK's server needs to run, with defaults that match Argo's sidecar contract.
///
/// Every value can be overridden on the command line or through the environment (see <doc:RunningAPlugin>); the
/// values a plugin sets in code before calling ``PluginRuntime/run(_:configuration:logger:arguments:environment:)``
/// are the defaults, and `--help` shows them.
///
/// ```swift
/// var configuration = PluginConfiguration()
/// configuration.port = 7522
/// await PluginRuntime.run(Hello(), configuration: configuration)
/// ```
public struct PluginConfiguration: Sendable {
    /// Address to listen on. Loopback by default: Argo calls `http://localhost:PORT` from the same pod.
    public var host: String = "127.0.0.1"
    /// TCP port; 4355 as in Argo's documentation. 0 picks a free port.
    public var port: Int = 4355
    /// Path of the token Argo shares with the plugin.
    public var tokenFile: String = "/var/run/argo/token"
    /// Development mode: creates a random token file when none exists and prints a `curl` to try the plugin.
    public var development: Bool = false
    /// Worker threads in libmicrohttpd's pool; `nil` (the default) sizes it from the CPUs the process may really
    /// use: its CPU affinity mask, capped by its cgroup's CPU quota rounded up, at least 1. The start-up log says
    /// how many and why.
    public var threads: Int?
    /// Largest request body accepted; bigger ones are refused with 413 without being buffered.
    public var maxBodyBytes: Int = 16 * 1024 * 1024
    /// Largest request line plus headers, in bytes; bigger heads are refused by libmicrohttpd (431).
    ///
    /// This is libmicrohttpd's per-connection memory pool, which it zeroes on every request of a keep-alive
    /// connection (and half of it again when the body is in): 8 KiB is about 25 times Argo's request head, room for
    /// a service-account token several times the usual size, and costs half of 16 KiB per call (12 k of 84 k
    /// instructions for a small call, against 24 k).
    public var maxHeaderBytes: Int = 8 * 1024
    /// Idle connections and stalled uploads are closed after this many seconds.
    public var connectionTimeoutSeconds: Int = 60
    /// Maximum simultaneous connections.
    public var connectionLimit: Int = 1024
    /// How long a call may run before the SDK answers 503 for it (Argo's executor client gives up after 30 s).
    public var callTimeout: Swift.Duration = .seconds(25)
    /// How long in-flight calls may take to finish after SIGTERM/SIGINT.
    public var shutdownGracePeriod: Swift.Duration = .seconds(20)
    /// Requeue applied when a handler returns `Running` or `Pending` without one (Argo would never call again).
    public var defaultRequeue: Swift.Duration = .seconds(10)
    /// Serve controller hooks to callers without a token. Argo's controller sends no `Authorization` header;
    /// only for a controller-plugin sidecar listening on loopback inside the workflow-controller pod. The server
    /// refuses to start with this on a non-loopback host, and logs a warning when it is on.
    public var controllerHooksWithoutToken: Bool = false
    /// Where a ``JobPlugin`` keeps its jobs, so that they survive a restart of the sidecar: a directory on a
    /// volume that outlives the process, such as an `emptyDir` mounted into the sidecar. It is created if missing
    /// (its parent must exist). `nil`, the default, keeps jobs in memory: a restarted sidecar forgets them and
    /// starts them again when Argo asks. `--state-dir` and `ARGO_PLUGIN_STATE_DIR` set it.
    public var stateDirectory: String?
    /// How long a ``JobPlugin``'s running job may go without a call after its requeue was due before it is
    /// cancelled as abandoned, and how long the answer of a finished job is kept. One hour by default;
    /// `--job-ttl` and `ARGO_PLUGIN_JOB_TTL` set it.
    public var jobTTL: Swift.Duration = .seconds(3600)
    /// Log level; `--log-level` and `LOG_LEVEL` override it. Applies to a logger passed to ``PluginRuntime`` too.
    public var logLevel: Logger.Level = .info
    /// Log line format of the runtime's own logger; `--log-format` and `ARGO_PLUGIN_LOG_FORMAT` override it.
    public var logFormat: LogFormat = .text

    /// The defaults.
    public init() {}
}
