import ArgumentParser
import Logging
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a plugin as a process: flags and environment, logging, token, server, signals, exit code.
///
/// A plugin's `main.swift` only wires:
///
/// ```swift
/// import PluginSDK
/// await PluginRuntime.run(try Hello())
/// ```
///
/// Start-up failures (a plugin initializer that throws, an unreadable token file, a port in use) print one
/// actionable line to standard error and exit with status 1; bad flags print usage and exit with status 64.
/// SIGTERM or SIGINT drains in-flight calls and exits 0.
public enum PluginRuntime {
    /// Parses `arguments` and the environment over `configuration`, then serves `plugin` until SIGTERM/SIGINT.
    public static func run<P: Plugin>(
        _ plugin: @autoclosure () throws -> P,
        configuration: PluginConfiguration = PluginConfiguration(),
        arguments: [String] = Array(CommandLine.arguments.dropFirst()),
        environment: [String: String] = ServerOptions.processEnvironment()
    ) async -> Never {
        signal(SIGPIPE, SIG_IGN)
        let config: PluginConfiguration
        do {
            let options = try ServerOptions.parse(arguments)
            config = try options.apply(to: configuration, environment: environment)
        } catch {
            ServerOptions.exit(withError: error)
        }
        let level = config.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "argo-plugin")

        let made: P
        do {
            made = try plugin()
        } catch {
            fail("the plugin could not start: \(error)")
        }

        var effective = config
        if config.development {
            let explicit = arguments.contains("--token-file") || environment["ARGO_TOKEN_FILE"] != nil
            if !explicit { effective.tokenFile = DevelopmentToken.defaultPath(port: config.port) }
            do {
                try DevelopmentToken.prepare(at: effective.tokenFile)
            } catch {
                fail(error.description)
            }
            logger.warning("development mode: using a generated token", metadata: ["token-file": "\(effective.tokenFile)"])
        }

        let server: PluginServer<P>
        do {
            let development = effective.development
            let host = effective.host
            let tokenFile = effective.tokenFile
            let key = (made as? any TemplatePlugin).map { type(of: $0).key } ?? "hello"
            let methods = made.servedMethods
            server = try PluginServer(plugin: made, configuration: effective, logger: logger) { port in
                guard development else { return }
                let method = methods.contains(.templateExecute) ? .templateExecute : methods.sorted { $0.rawValue < $1.rawValue }.first
                guard let method else { return }
                print("Try it:\n" + DevelopmentToken.curl(port: port, host: host, tokenFile: tokenFile, method: method, pluginKey: key))
                fflush(nil)
            }
        } catch {
            fail("\(error)")
        }

        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: server)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            fail("\(error)")
        }
        fflush(nil)
        exit(0)
    }

    private static func fail(_ message: String) -> Never {
        let bytes = Array("error: \(message)\n".utf8)
        _ = write(STDERR_FILENO, bytes, bytes.count)
        exit(1)
    }
}
