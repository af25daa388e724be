import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import Testing
@testable import PluginSDK

/// Options of `GreetingPlugin`.
struct GreetingOptions: PluginOptions {
    @Option(help: "The reply's message.") var greeting = "hello"
    static let environment: [EnvironmentFallback] = [.option("--greeting", variable: "GREETING")]
}

/// Replies with the greeting its options gave it; records that its shutdown hook ran.
struct GreetingPlugin: TemplatePlugin {
    static let key = "greeting"
    struct Parameters: Decodable, Sendable {}

    let greeting: String
    let shutDown = Locked(false)

    func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
        .succeeded(message: greeting)
    }

    func shutdown() async { shutDown.withLock { $0 = true } }
}

/// Another service of the author's, which runs until the group shuts down gracefully.
struct SideService: Service {
    let sawShutdown = Locked(false)

    func run() async throws {
        try? await gracefulShutdown()
        sawShutdown.withLock { $0 = true }
    }
}

@Suite("The runtime as a value and a Service")
struct RuntimeServiceTests {
    @Test("in the author's ServiceGroup beside another service: serves, then both return on graceful shutdown")
    func serviceGroup() async throws {
        let tokenFile = try TestToken.write("group-token")
        defer { try? FileManager.default.removeItem(atPath: tokenFile) }
        let capture = LogCapture()
        let runtime = try await PluginRuntime(
            options: GreetingOptions.self, logger: capture.logger(label: "author"),
            arguments: ["--port=0", "--token-file=\(tokenFile)"],
            environment: ["GREETING": "hi from the environment", "LOG_LEVEL": "debug"]
        ) { options in GreetingPlugin(greeting: options.greeting) }
        #expect(runtime.logger.logLevel == .debug)
        let port = try runtime.server.start()
        let side = SideService()
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: runtime), .init(service: side)], logger: runtime.logger))
        let running = Task { try await group.run() }

        let response = try await blocking {
            try openConnection(port: port).call(
                path: "/api/v1/template.execute", token: "group-token",
                json: Bodies.execute(plugin: #"{"greeting":{}}"#))
        }
        #expect(response.status == 200)
        #expect(try JSONMeaning.parse(response.body)["node"]?["message"] == "hi from the environment")

        await group.triggerGracefulShutdown()
        try await running.value
        #expect(side.sawShutdown.withLock { $0 })
        #expect(runtime.plugin.shutDown.withLock { $0 })
        #expect(throws: (any Error).self) { _ = try openConnection(port: port) }
        #expect(capture.text.contains("plugin listening"), "the SDK's lines went to the author's logger")
        #expect(capture.text.contains("debug call"), "LOG_LEVEL applied to the author's logger: \(capture.text)")
    }

    @Test("--dev --token-file=PATH creates and uses PATH, not the generated default")
    func developmentTokenFileWithEquals() async throws {
        let path = NSTemporaryDirectory() + "dev-\(UUID().uuidString).token"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let runtime = try await PluginRuntime(
            GreetingPlugin(greeting: "x"), logger: LogCapture().logger(), arguments: ["--dev", "--port=0", "--token-file=\(path)"],
            environment: [:])
        #expect(runtime.configuration.tokenFile == path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(runtime.configuration.development)
        await runtime.server.stop()
    }

    @Test("a plugin that cannot be made stops start-up with a configuration error (exit 1) quoting why")
    func pluginThrows() async throws {
        struct NoWebhook: Error, CustomStringConvertible { var description: String { "URL is not set" } }
        do {
            _ = try await PluginRuntime(
                options: GreetingOptions.self, logger: LogCapture().logger(), arguments: [], environment: [:]
            ) { _ -> GreetingPlugin in throw NoWebhook() }
            Issue.record("expected a start-up error")
        } catch {
            #expect(error.kind == .configuration)
            #expect(error.exitCode == 1)
            #expect(error.message == "error: the plugin could not start: URL is not set")
        }
    }

    @Test("--help and usage errors never make the plugin: it is made after the command line is parsed")
    func pluginMadeAfterParsing() async throws {
        let made = Locked(0)
        func make() -> GreetingPlugin {
            made.withLock { $0 += 1 }
            return GreetingPlugin(greeting: "x")
        }
        for (arguments, kind) in [(["--help"], StartupError.Kind.helpRequested), (["--bogus"], .usage)] {
            do {
                _ = try await PluginRuntime(make(), logger: LogCapture().logger(), arguments: arguments, environment: [:])
                Issue.record("expected \(kind)")
            } catch {
                #expect(error.kind == kind)
            }
        }
        #expect(made.withLock { $0 } == 0)
    }

    @Test("an unreadable token file is a configuration error naming the file")
    func tokenMissing() async throws {
        do {
            _ = try await PluginRuntime(
                GreetingPlugin(greeting: "x"), logger: LogCapture().logger(),
                arguments: ["--token-file", "/nonexistent/token"], environment: [:])
            Issue.record("expected a start-up error")
        } catch {
            #expect(error.kind == .configuration)
            #expect(error.message.contains("/nonexistent/token"))
        }
    }

    @Test("the start-up line says how many threads and why")
    func threadsLogged() async throws {
        let tokenFile = try TestToken.write("t")
        defer { try? FileManager.default.removeItem(atPath: tokenFile) }
        let capture = LogCapture()
        let runtime = try await PluginRuntime(
            GreetingPlugin(greeting: "x"), logger: capture.logger(),
            arguments: ["--port=0", "--token-file", tokenFile], environment: ["ARGO_PLUGIN_THREADS": "3"])
        try runtime.server.start()
        await runtime.server.stop()
        #expect(capture.text.contains(#""threads": 3 (ARGO_PLUGIN_THREADS)"#), "\(capture.text)")
    }
}
