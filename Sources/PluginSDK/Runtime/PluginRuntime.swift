import Logging
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plugin ready to serve: flags and environment parsed, logger chosen, plugin made, token read, server built.
///
/// Most plugins never name this type's values: `main.swift` calls the one-liner, which also handles signals and
/// exit statuses.
///
/// ```swift
/// import PluginSDK
/// await PluginRuntime.run(Hello())
/// ```
///
/// To run the plugin beside other services of your own, make the value and put it in your `ServiceGroup`. It is
/// a swift-service-lifecycle `Service` whose `run()` returns after a graceful shutdown:
///
/// ```swift
/// do {
///     let plugin = try await PluginRuntime(options: SlackOptions.self) { options in try Slack(options: options) }
///     let group = ServiceGroup(
///         services: [plugin, metrics], gracefulShutdownSignals: [.sigterm, .sigint], logger: plugin.logger)
///     try await group.run()
/// } catch {
///     StartupError.exit(for: error)  // help (0), a usage error (64), anything else (1)
/// }
/// ```
///
/// Logging: the runtime never calls `LoggingSystem.bootstrap`, so bootstrapping swift-log yourself is safe. Pass
/// a `logger` to send the SDK's lines (and ``PluginContext/logger``) to your own backend; `--log-level` and
/// `LOG_LEVEL` still set its level. Without one, the runtime writes to standard error in the `--log-format`
/// (`text`, or `json` through ``JSONLogHandler``).
public struct PluginRuntime<P: Plugin>: Service {
    /// The server, built and not yet listening: ``run()`` starts it. Call ``PluginServer/start()`` first to learn
    /// the bound port early (for `--port 0`).
    public let server: PluginServer<P>
    /// The logger the runtime uses, for a `ServiceGroup` of your own to share.
    public let logger: Logger

    /// The plugin served.
    public var plugin: P { server.plugin }
    /// The configuration in force, after flags and environment variables.
    public var configuration: PluginConfiguration { server.configuration }

    /// Parses `arguments` and `environment` over `configuration`, makes the plugin and builds its server.
    ///
    /// - Parameters:
    ///   - plugin: makes the plugin, after logging is set up; an error it throws stops start-up.
    ///   - configuration: the defaults; flags and environment variables override them, and `--help` shows them.
    ///   - logger: your logger for the SDK's lines; `nil` builds one from `--log-format`.
    ///   - arguments: the command line without the program name.
    ///   - environment: the variables options fall back on; `nil` reads this process's whole environment.
    /// - Throws: ``StartupError``: help requested, a usage error, or a configuration error.
    public init(
        _ plugin: @autoclosure () throws -> P, configuration: PluginConfiguration = PluginConfiguration(),
        logger: Logger? = nil, arguments: [String] = Array(CommandLine.arguments.dropFirst()),
        environment: [String: String]? = nil
    ) async throws(StartupError) {
        try await self.init(
            options: NoPluginOptions.self, configuration: configuration, logger: logger, arguments: arguments,
            environment: environment, commandName: CommandLineContext.commandName(fromArgv0: CommandLine.arguments.first)
        ) { _ in try plugin() }
    }

    /// Parses `arguments` and `environment` for the plugin's `options` and the SDK's, then makes the plugin from
    /// its parsed options and builds its server.
    ///
    /// - Parameters:
    ///   - options: the plugin's own options (see ``PluginOptions``), listed in `--help` under "Plugin options".
    ///   - configuration: the defaults; flags and environment variables override them, and `--help` shows them.
    ///   - logger: your logger for the SDK's lines; `nil` builds one from `--log-format`.
    ///   - arguments: the command line without the program name.
    ///   - environment: the variables options fall back on; `nil` reads this process's whole environment.
    ///   - plugin: makes the plugin from its options; an error it throws stops start-up with its description.
    /// - Throws: ``StartupError``: help requested, a usage error, or a configuration error.
    public init<Options: PluginOptions>(
        options: Options.Type, configuration: PluginConfiguration = PluginConfiguration(), logger: Logger? = nil,
        arguments: [String] = Array(CommandLine.arguments.dropFirst()), environment: [String: String]? = nil,
        plugin: (Options) async throws -> P
    ) async throws(StartupError) {
        try await self.init(
            options: options, configuration: configuration, logger: logger, arguments: arguments,
            environment: environment, commandName: CommandLineContext.commandName(fromArgv0: CommandLine.arguments.first),
            plugin: plugin)
    }

    /// The implementation, with the program's name for usage and help given explicitly.
    init<Options: PluginOptions>(
        options: Options.Type, configuration: PluginConfiguration, logger given: Logger?, arguments: [String],
        environment: [String: String]?, commandName: String, plugin makePlugin: (Options) async throws -> P
    ) async throws(StartupError) {
        signal(SIGPIPE, SIG_IGN)
        let parsed = try CommandLineParser.parse(
            Options.self, arguments: arguments, environment: environment ?? ProcessEnvironment.all(),
            defaults: configuration, commandName: commandName)
        var config = parsed.server.configuration
        let logger = RuntimeLogger.make(given: given, format: config.logFormat, level: config.logLevel)

        let made: P
        do {
            made = try await makePlugin(parsed.options)
        } catch {
            throw .configuration("the plugin could not start: \(error)")
        }

        if config.development {
            if !parsed.server.tokenFileGiven { config.tokenFile = DevelopmentToken.defaultPath(port: config.port) }
            do {
                try DevelopmentToken.prepare(at: config.tokenFile)
            } catch {
                throw .configuration(error.description)
            }
            logger.warning(
                "development mode: the token is the one in token-file (a random one is written there when it is missing)",
                metadata: ["token-file": "\(config.tokenFile)"])
        }

        let development = config.development
        let host = config.host
        let tokenFile = config.tokenFile
        let key = (made as? any TemplatePlugin).map { type(of: $0).key } ?? "hello"
        let methods = made.servedMethods
        do {
            server = try PluginServer(
                plugin: made, configuration: config, threadsSource: parsed.server.threadsSource, logger: logger
            ) { port in
                guard development else { return }
                let method = methods.contains(.templateExecute) ? .templateExecute : methods.sorted { $0.rawValue < $1.rawValue }.first
                guard let method else { return }
                print("Try it:\n" + DevelopmentToken.curl(port: port, host: host, tokenFile: tokenFile, method: method, pluginKey: key))
                fflush(nil)
            }
        } catch {
            throw .configuration("\(error)")
        }
        self.logger = logger
    }

    /// Listens (unless ``PluginServer/start()`` already did), serves until graceful shutdown (SIGTERM or SIGINT
    /// through the `ServiceGroup`, or the group's own shutdown), drains in-flight calls, runs the plugin's
    /// ``Plugin/shutdown()`` and returns.
    ///
    /// - Throws: when the server cannot listen (a port in use, an address that does not resolve).
    public func run() async throws {
        try await server.run()
    }
}
