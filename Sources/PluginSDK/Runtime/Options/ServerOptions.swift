import ArgumentParser
import Logging

/// The SDK's own flags, listed in `--help` under "Server options", each with an environment variable.
///
/// Defaults are those of the ``PluginConfiguration`` that `main.swift` passed (read through
/// ``CommandLineContext``), so `--help` shows the port a plugin configured, not 4355. Values are checked in
/// ``resolve(over:injected:)``, where an error can name the flag or the variable the value came from.
struct ServerOptions: PluginOptions {
    private static var defaults: PluginConfiguration { CommandLineContext.current.defaults }

    @Option(help: "TCP port; 0 picks a free one.")
    var port: Int = defaults.port

    @Option(help: "Listen address. Argo calls localhost from the same pod, so loopback is enough.")
    var host: String = defaults.host

    @Option(
        help: ArgumentHelp(
            "Argo's token file (default: \(defaults.tokenFile); with --dev, a generated file).", valueName: "path"))
    var tokenFile: String?

    @Flag(help: "Development mode: create a random token file if missing and print a curl to try the plugin.")
    var dev = false

    @Option(
        help: ArgumentHelp(
            defaults.threads.map { "libmicrohttpd worker threads (default: \($0))." }
                ?? "libmicrohttpd worker threads (default: the CPUs this process may use, from its CPU affinity and cgroup quota).",
            valueName: "n"))
    var threads: Int?

    @Option(help: ArgumentHelp("Largest request body in bytes; larger gets 413.", valueName: "bytes"))
    var maxBodyBytes: Int = defaults.maxBodyBytes

    @Option(help: ArgumentHelp("Idle connections close after this many seconds.", valueName: "seconds"))
    var connectionTimeout: Int = defaults.connectionTimeoutSeconds

    @Option(help: ArgumentHelp("Per-call deadline in seconds; 503 after it.", valueName: "seconds"))
    var callTimeout: Double = seconds(defaults.callTimeout)

    @Option(help: ArgumentHelp("Seconds in-flight calls get after SIGTERM or SIGINT.", valueName: "seconds"))
    var shutdownGrace: Double = seconds(defaults.shutdownGracePeriod)

    @Option(
        help: ArgumentHelp(
            "Job plugins: a directory that outlives the process (an emptyDir) where jobs are kept across restarts "
                + "(default: \(defaults.stateDirectory ?? "none, jobs are kept in memory")).",
            valueName: "path"))
    var stateDir: String?

    @Option(
        name: .customLong("job-ttl"),
        help: ArgumentHelp(
            "Job plugins: seconds a job may go unasked after its requeue was due before it is cancelled.",
            valueName: "seconds"))
    var jobTTL: Double = seconds(defaults.jobTTL)

    @Flag(
        help: """
            Serve controller hooks to callers without a token, as Argo's controller sends none; loopback only.
            """)
    var controllerHooksWithoutToken = false

    @Option(help: ArgumentHelp("trace, debug, info, notice, warning, error or critical.", valueName: "level"))
    var logLevel: String = defaults.logLevel.rawValue

    @Option(
        help: ArgumentHelp(
            "text (swift-log's stream format) or json (one object per line, metadata as fields).",
            valueName: "format"))
    var logFormat: LogFormat = defaults.logFormat

    static let environment: [EnvironmentFallback] = [
        .option("--port", variable: "ARGO_PLUGIN_PORT"),
        .option("--host", variable: "ARGO_PLUGIN_HOST"),
        .option("--token-file", variable: "ARGO_TOKEN_FILE"),
        .flag("--dev", variable: "ARGO_PLUGIN_DEV"),
        .option("--threads", variable: "ARGO_PLUGIN_THREADS"),
        .option("--max-body-bytes", variable: "ARGO_PLUGIN_MAX_BODY_BYTES"),
        .option("--connection-timeout", variable: "ARGO_PLUGIN_CONNECTION_TIMEOUT"),
        .option("--call-timeout", variable: "ARGO_PLUGIN_CALL_TIMEOUT"),
        .option("--shutdown-grace", variable: "ARGO_PLUGIN_SHUTDOWN_GRACE"),
        .option("--state-dir", variable: "ARGO_PLUGIN_STATE_DIR"),
        .option("--job-ttl", variable: "ARGO_PLUGIN_JOB_TTL"),
        .flag("--controller-hooks-without-token", variable: "ARGO_PLUGIN_CONTROLLER_HOOKS_WITHOUT_TOKEN"),
        .option("--log-level", variable: "LOG_LEVEL"),
        .option("--log-format", variable: "ARGO_PLUGIN_LOG_FORMAT"),
    ]

    private static func seconds(_ duration: Swift.Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

extension ServerOptions {
    /// The configuration the options give, and what the runtime needs to know about where values came from.
    struct Resolved: Sendable {
        var configuration: PluginConfiguration
        /// Whether a token file was named by flag or variable (development mode generates one otherwise).
        var tokenFileGiven: Bool
        /// Where an explicit thread count came from, for the start-up log.
        var threadsSource: String
    }

    /// `base` with these options applied. `injected` maps each flag that came from the environment to its
    /// variable, so that an out-of-range value is reported under the name the operator used.
    func resolve(over base: PluginConfiguration, injected: [String: String]) throws(ValidationError) -> Resolved {
        func source(_ flag: String) -> String { injected[flag] ?? flag }
        func refuse(_ flag: String, _ value: Any, _ rule: String) -> ValidationError {
            let name = source(flag)
            return ValidationError("\(name == flag ? "\(flag) \(value)" : "\(name)=\(value)") \(rule)")
        }
        var config = base
        guard (0...65535).contains(port) else { throw refuse("--port", port, "is not in 0...65535") }
        config.port = port
        guard !host.isEmpty else { throw refuse("--host", "''", "must not be empty") }
        config.host = host
        if let tokenFile { config.tokenFile = tokenFile }
        config.development = base.development || dev
        if let threads {
            guard (1...256).contains(threads) else { throw refuse("--threads", threads, "is not in 1...256") }
            config.threads = threads
        }
        guard maxBodyBytes > 0 else { throw refuse("--max-body-bytes", maxBodyBytes, "must be positive") }
        config.maxBodyBytes = maxBodyBytes
        guard connectionTimeout >= 0 else {
            throw refuse("--connection-timeout", connectionTimeout, "must not be negative")
        }
        config.connectionTimeoutSeconds = connectionTimeout
        guard callTimeout > 0, callTimeout.isFinite else { throw refuse("--call-timeout", callTimeout, "must be positive") }
        config.callTimeout = .milliseconds(Int64(callTimeout * 1000))
        guard shutdownGrace >= 0, shutdownGrace.isFinite else {
            throw refuse("--shutdown-grace", shutdownGrace, "must not be negative")
        }
        config.shutdownGracePeriod = .milliseconds(Int64(shutdownGrace * 1000))
        if let stateDir {
            guard !stateDir.isEmpty else { throw refuse("--state-dir", "''", "must not be empty") }
            config.stateDirectory = stateDir
        }
        guard jobTTL > 0, jobTTL.isFinite else { throw refuse("--job-ttl", jobTTL, "must be positive") }
        config.jobTTL = .milliseconds(Int64(jobTTL * 1000))
        config.controllerHooksWithoutToken = base.controllerHooksWithoutToken || controllerHooksWithoutToken
        guard let level = Logger.Level(rawValue: logLevel.lowercased()) else {
            throw refuse("--log-level", logLevel, "is not one of trace, debug, info, notice, warning, error, critical")
        }
        config.logLevel = level
        config.logFormat = logFormat
        return Resolved(
            configuration: config, tokenFileGiven: tokenFile != nil,
            threadsSource: threads == nil ? "set in code" : source("--threads"))
    }
}
