import Logging
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PluginRuntime {
    /// Runs `plugin` as a process: flags and environment, logging, token, server, SIGTERM/SIGINT; returns after a
    /// graceful shutdown, so `defer` blocks in `main.swift` run.
    ///
    /// ```swift
    /// var configuration = PluginConfiguration()
    /// configuration.port = 4356
    /// await PluginRuntime.run(HelloController(), configuration: configuration)
    /// ```
    ///
    /// Start-up failures never return: `--help` prints help and exits 0; a bad flag or environment value prints
    /// the error and usage and exits 64; a plugin that throws, an unreadable token file or a port in use prints
    /// one `error:` line and exits 1. SIGTERM or SIGINT stops accepting connections, lets in-flight calls finish
    /// within the grace period, runs ``Plugin/shutdown()``, and returns.
    ///
    /// - Parameters:
    ///   - plugin: makes the plugin, after logging is set up.
    ///   - configuration: the defaults; flags and environment variables override them, and `--help` shows them.
    ///   - logger: your logger for the SDK's lines; `nil` builds one from `--log-format`.
    ///   - arguments: the command line without the program name.
    ///   - environment: the variables options fall back on; `nil` reads this process's whole environment.
    public static func run(
        _ plugin: @autoclosure () throws -> P, configuration: PluginConfiguration = PluginConfiguration(),
        logger: Logger? = nil, arguments: [String] = Array(CommandLine.arguments.dropFirst()),
        environment: [String: String]? = nil
    ) async {
        let runtime: PluginRuntime
        do {
            runtime = try await PluginRuntime(
                plugin(), configuration: configuration, logger: logger, arguments: arguments, environment: environment)
        } catch {
            error.exit()
        }
        await runtime.serveUntilShutdown()
    }

    /// Runs the plugin that `plugin` makes from its parsed `options`, as
    /// ``run(_:configuration:logger:arguments:environment:)`` does.
    ///
    /// ```swift
    /// await PluginRuntime.run(options: SlackOptions.self) { options in try Slack(options: options) }
    /// ```
    ///
    /// - Parameters:
    ///   - options: the plugin's own options (see ``PluginOptions``), listed in `--help` under "Plugin options".
    ///   - configuration: the defaults; flags and environment variables override them, and `--help` shows them.
    ///   - logger: your logger for the SDK's lines; `nil` builds one from `--log-format`.
    ///   - arguments: the command line without the program name.
    ///   - environment: the variables options fall back on; `nil` reads this process's whole environment.
    ///   - plugin: makes the plugin from its options; an error it throws stops start-up with its description.
    public static func run<Options: PluginOptions>(
        options: Options.Type, configuration: PluginConfiguration = PluginConfiguration(), logger: Logger? = nil,
        arguments: [String] = Array(CommandLine.arguments.dropFirst()), environment: [String: String]? = nil,
        plugin: (Options) async throws -> P
    ) async {
        let runtime: PluginRuntime
        do {
            runtime = try await PluginRuntime(
                options: options, configuration: configuration, logger: logger, arguments: arguments,
                environment: environment, plugin: plugin)
        } catch {
            error.exit()
        }
        await runtime.serveUntilShutdown()
    }

    /// The name the `ServiceGroup` gives this service in its log lines and errors. Without one it interpolates the
    /// whole runtime value (`"\(service)"`), which reflects every stored property: a sixth of start-up.
    static var serviceName: String { "PluginRuntime<\(P.self)>" }

    /// Serves in a `ServiceGroup` of its own that turns SIGTERM and SIGINT into a graceful shutdown; exits 1 if
    /// the server cannot listen.
    private func serveUntilShutdown() async {
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: self, serviceName: Self.serviceName)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            StartupError.exit(for: error)
        }
        fflush(nil)
    }
}
