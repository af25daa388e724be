import Foundation
import Testing
@testable import PluginSDK

@Suite("Graceful shutdown")
struct ShutdownTests {
    @Test("stopping waits for an in-flight call, whose reply still arrives, then refuses connections")
    func drainInProcess() async throws {
        let plugin = ProbePlugin()
        let server = try TestServer.start(plugin)
        let reply = Task {
            try await blocking {
                try server.client().call(
                    path: "/api/v1/template.execute", token: server.token,
                    json: Bodies.probe(#"{"sleepMilliseconds":700,"message":"late"}"#))
            }
        }
        try await plugin.probe.waitUntilRunning()
        let drained = await server.server.stop()
        #expect(drained)
        let response = try await reply.value
        #expect(response.status == 200)
        #expect(try JSONMeaning.parse(response.body)["node"]?["message"] == "late")
        #expect(throws: (any Error).self) { _ = try openConnection(port: server.port) }
    }

    @Test("SIGTERM to a plugin process with a call in flight: the reply arrives and the process exits 0")
    func sigterm() async throws {
        let process = try PluginProcess.launch(executable: "FixturePlugin", arguments: ["--log-level", "debug"])
        defer { process.terminateIfRunning() }
        let reply = Task {
            try await blocking {
                try openConnection(port: process.port).call(
                    path: "/api/v1/template.execute", token: process.token,
                    json: Bodies.execute(plugin: #"{"fixture":{"sleepMilliseconds":2000,"message":"finished"}}"#))
            }
        }
        // Signal once the call is inside the handler (it logs "call" at debug level when it starts); it sleeps 2 s.
        let waitStart = ContinuousClock.now
        while !process.standardError.contains("[PluginSDK] call"),
            ContinuousClock.now - waitStart < TimeAllowance.duration(.seconds(20))
        {
            try await Task.sleep(for: .milliseconds(10))
        }
        try #require(process.standardError.contains("[PluginSDK] call"), "the call never reached the handler")
        process.signal(SIGTERM)
        let response = try await reply.value
        #expect(response.status == 200)
        #expect(try JSONMeaning.parse(response.body)["node"]?["message"] == "finished")
        let status = try await process.waitForExit(timeout: .seconds(10))
        #expect(status == 0)
        #expect(process.standardError.contains("shutting down"))
    }

    @Test("SIGINT to an idle plugin process exits 0 promptly")
    func sigint() async throws {
        let process = try PluginProcess.launch(executable: "FixturePlugin")
        defer { process.terminateIfRunning() }
        process.signal(SIGINT)
        let status = try await process.waitForExit(timeout: .seconds(10))
        #expect(status == 0)
    }

    @Test("a shutdown declared async throws is the one the server calls, and its error is logged")
    func throwingShutdown() async throws {
        let capture = LogCapture()
        let plugin = FlushingPlugin()
        let server = try TestServer.start(plugin, logger: capture.logger())
        #expect(await server.server.stop())
        #expect(plugin.flushed.withLock { $0 })
        #expect(capture.text.contains("the plugin's shutdown failed"))
        #expect(capture.text.contains("flush failed"))
    }
}

/// Declares `shutdown() async throws`: with a non-throwing requirement that would be an overload nobody calls.
struct FlushingPlugin: TemplatePlugin {
    static let key = "flushing"
    struct Parameters: Decodable, Sendable {}
    struct FlushFailed: Error, CustomStringConvertible {
        var description: String { "flush failed" }
    }

    let flushed = Locked(false)

    func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
        .succeeded()
    }

    func shutdown() async throws {
        flushed.withLock { $0 = true }
        throw FlushFailed()
    }
}
