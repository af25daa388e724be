import ArgumentParser
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The command-line flags every plugin binary built on the SDK accepts, each with an environment variable.
///
/// Precedence: flag, then environment variable, then the plugin's ``PluginConfiguration`` default.
/// Plugins with flags of their own can include these with `@OptionGroup var server: ServerOptions`.
///
/// | flag | environment | meaning |
/// |---|---|---|
/// | `--port N` | `ARGO_PLUGIN_PORT` | TCP port (default 4355) |
/// | `--host H` | `ARGO_PLUGIN_HOST` | listen address (default 127.0.0.1) |
/// | `--token-file PATH` | `ARGO_TOKEN_FILE` | Argo's token (default /var/run/argo/token) |
/// | `--dev` | `ARGO_PLUGIN_DEV=1` | create a development token and print a curl |
/// | `--threads N` | `ARGO_PLUGIN_THREADS` | libmicrohttpd worker threads |
/// | `--max-body-bytes N` | `ARGO_PLUGIN_MAX_BODY_BYTES` | request body limit (413 above) |
/// | `--connection-timeout S` | `ARGO_PLUGIN_CONNECTION_TIMEOUT` | idle connection timeout, seconds |
/// | `--call-timeout S` | `ARGO_PLUGIN_CALL_TIMEOUT` | per-call deadline, seconds (503 after) |
/// | `--shutdown-grace S` | `ARGO_PLUGIN_SHUTDOWN_GRACE` | drain time on SIGTERM, seconds |
/// | `--controller-hooks-without-token` | `ARGO_PLUGIN_CONTROLLER_HOOKS_WITHOUT_TOKEN=1` | serve controller hooks without a token (loopback only) |
/// | `--log-level L` | `LOG_LEVEL` | trace, debug, info, notice, warning, error, critical |
public struct ServerOptions: ParsableArguments, Sendable {
    /// TCP port.
    @Option(help: "TCP port (env ARGO_PLUGIN_PORT; default 4355).")
    public var port: Int?

    /// Listen address.
    @Option(help: "Listen address (env ARGO_PLUGIN_HOST; default 127.0.0.1, loopback only).")
    public var host: String?

    /// Token file path.
    @Option(help: "Argo's token file (env ARGO_TOKEN_FILE; default /var/run/argo/token).")
    public var tokenFile: String?

    /// Development mode.
    @Flag(help: "Development mode: create a random token file if missing and print a curl (env ARGO_PLUGIN_DEV=1).")
    public var dev: Bool = false

    /// Worker threads.
    @Option(help: "libmicrohttpd worker threads (env ARGO_PLUGIN_THREADS; default: CPUs, at least 2).")
    public var threads: Int?

    /// Body limit.
    @Option(help: "Largest request body in bytes; larger gets 413 (env ARGO_PLUGIN_MAX_BODY_BYTES; default 16 MiB).")
    public var maxBodyBytes: Int?

    /// Idle timeout.
    @Option(help: "Idle connection timeout in seconds (env ARGO_PLUGIN_CONNECTION_TIMEOUT; default 60).")
    public var connectionTimeout: Int?

    /// Call deadline.
    @Option(help: "Per-call deadline in seconds; 503 after it (env ARGO_PLUGIN_CALL_TIMEOUT; default 25).")
    public var callTimeout: Double?

    /// Drain time.
    @Option(help: "Seconds in-flight calls get after SIGTERM (env ARGO_PLUGIN_SHUTDOWN_GRACE; default 20).")
    public var shutdownGrace: Double?

    /// Controller hooks without a token.
    @Flag(
        help: """
            Serve controller hooks without a token, as Argo's controller sends none; loopback only \
            (env ARGO_PLUGIN_CONTROLLER_HOOKS_WITHOUT_TOKEN=1).
            """)
    public var controllerHooksWithoutToken: Bool = false

    /// Log level.
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (env LOG_LEVEL; default info).")
    public var logLevel: String?

    /// No flags.
    public init() {}

    /// `base` with environment variables and then flags applied. Throws `ValidationError` naming the bad value.
    public func apply(to base: PluginConfiguration, environment: [String: String]) throws -> PluginConfiguration {
        var config = base
        let env = EnvironmentReader(environment)
        if let value = try port ?? env.int("ARGO_PLUGIN_PORT") {
            guard (0...65535).contains(value) else { throw ValidationError("port \(value) is not in 0...65535") }
            config.port = value
        }
        if let value = host ?? env.string("ARGO_PLUGIN_HOST") {
            guard !value.isEmpty else { throw ValidationError("host must not be empty") }
            config.host = value
        }
        if let value = tokenFile ?? env.string("ARGO_TOKEN_FILE") { config.tokenFile = value }
        if try dev || env.bool("ARGO_PLUGIN_DEV") { config.development = true }
        if let value = try threads ?? env.int("ARGO_PLUGIN_THREADS") {
            guard (1...256).contains(value) else { throw ValidationError("threads \(value) is not in 1...256") }
            config.threads = value
        }
        if let value = try maxBodyBytes ?? env.int("ARGO_PLUGIN_MAX_BODY_BYTES") {
            guard value > 0 else { throw ValidationError("max-body-bytes must be positive") }
            config.maxBodyBytes = value
        }
        if let value = try connectionTimeout ?? env.int("ARGO_PLUGIN_CONNECTION_TIMEOUT") {
            guard value >= 0 else { throw ValidationError("connection-timeout must not be negative") }
            config.connectionTimeoutSeconds = value
        }
        if let value = try callTimeout ?? env.double("ARGO_PLUGIN_CALL_TIMEOUT") {
            guard value > 0 else { throw ValidationError("call-timeout must be positive") }
            config.callTimeout = .milliseconds(Int64(value * 1000))
        }
        if let value = try shutdownGrace ?? env.double("ARGO_PLUGIN_SHUTDOWN_GRACE") {
            guard value >= 0 else { throw ValidationError("shutdown-grace must not be negative") }
            config.shutdownGracePeriod = .milliseconds(Int64(value * 1000))
        }
        if try controllerHooksWithoutToken || env.bool("ARGO_PLUGIN_CONTROLLER_HOOKS_WITHOUT_TOKEN") {
            config.controllerHooksWithoutToken = true
        }
        if let value = logLevel ?? env.string("LOG_LEVEL") {
            guard let level = Logger.Level(rawValue: value.lowercased()) else {
                throw ValidationError("log level '\(value)' is not one of trace, debug, info, notice, warning, error, critical")
            }
            config.logLevel = level
        }
        return config
    }
}

extension ServerOptions {
    /// Every environment variable the options read.
    public static let environmentVariables = [
        "ARGO_PLUGIN_PORT", "ARGO_PLUGIN_HOST", "ARGO_TOKEN_FILE", "ARGO_PLUGIN_DEV", "ARGO_PLUGIN_THREADS",
        "ARGO_PLUGIN_MAX_BODY_BYTES", "ARGO_PLUGIN_CONNECTION_TIMEOUT", "ARGO_PLUGIN_CALL_TIMEOUT",
        "ARGO_PLUGIN_SHUTDOWN_GRACE", "ARGO_PLUGIN_CONTROLLER_HOOKS_WITHOUT_TOKEN", "LOG_LEVEL",
    ]

    /// The values of ``environmentVariables`` in this process's environment.
    public static func processEnvironment() -> [String: String] {
        var values: [String: String] = [:]
        for name in environmentVariables {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }
}

/// Typed reads of environment variables, with errors that name the variable.
struct EnvironmentReader {
    let values: [String: String]

    init(_ values: [String: String]) {
        self.values = values
    }

    func string(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    func int(_ name: String) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text) else { throw ValidationError("\(name)=\(text) is not a whole number") }
        return value
    }

    func double(_ name: String) throws -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), value.isFinite else { throw ValidationError("\(name)=\(text) is not a number") }
        return value
    }

    func bool(_ name: String) throws -> Bool {
        guard let text = string(name)?.lowercased() else { return false }
        switch text {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ValidationError("\(name)=\(text) is not a boolean (use 1 or 0)")
        }
    }
}
