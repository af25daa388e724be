import Foundation
import PluginSDK
import Testing
@testable import PluginSDKTesting

@Suite("PluginTestClient")
struct PluginTestClientTests {
    @Test("execute returns the typed reply, in process and live", arguments: PluginTestClient.Transport.allCases)
    func execute(transport: PluginTestClient.Transport) async throws {
        try await PluginTestClient.with(Echo(), transport: transport) { client in
            #expect(client.transport == transport)
            #expect((client.port != nil) == (transport == .live))
            let reply = try await client.execute(.fixture(plugin: "echo", inputs: ["x": "42"]))
            #expect(reply.node?.phase == .succeeded)
            #expect(reply.node?.outputs?.parameters?.first?.value?.string == "42")
        }
    }

    @Test("raw calls report status and body for every credential", arguments: PluginTestClient.Transport.allCases)
    func credentials(transport: PluginTestClient.Transport) async throws {
        try await PluginTestClient.with(Echo(), transport: transport, token: "Secret-Token") { client in
            let body = #"{"workflow":{"metadata":{"name":"w"}},"template":{"name":"t","plugin":{"echo":{}}}}"#
            #expect(try await client.call(.templateExecute, json: body).status == 200)
            #expect(try await client.call(.templateExecute, json: body, credentials: .none).status == 403)
            #expect(try await client.call(.templateExecute, json: body, credentials: .token("SECRET-TOKEN")).status == 403)
            #expect(
                try await client.call(.templateExecute, json: body, credentials: .header("Bearer Secret-Token")).status
                    == 200)
            let bad = try await client.call(.templateExecute, json: "{")
            #expect(bad.status == 400)
            #expect(bad.errorMessage?.hasPrefix("bad request") == true)
            #expect(try await client.call(verb: "GET", path: PluginMethod.templateExecute.path, body: []).status == 405)
        }
    }

    @Test("typed helpers throw a PluginCallError naming the status and message", arguments: PluginTestClient.Transport.allCases)
    func typedError(transport: PluginTestClient.Transport) async throws {
        try await PluginTestClient.with(Echo(), transport: transport) { client in
            let error = await #expect(throws: PluginCallError.self) {
                try await client.execute(.fixture(plugin: "echo", config: ["mode": "transient"]))
            }
            #expect(error?.result.status == 503)
            #expect(error?.description.contains("template.execute answered 503") == true)
            #expect(error?.description.contains("try later") == true)
            let hook = await #expect(throws: PluginCallError.self) {
                try await client.parametersAdd(.fixture())
            }
            #expect(hook?.result.status == 404)
        }
    }

    @Test("the in-process call deadline answers 503 like the transport")
    func deadline() async throws {
        struct Sleepy: TemplateExecutor {
            func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws
                -> ExecuteTemplateReply
            {
                try await Task.sleep(for: .seconds(300))
                return .succeeded()
            }
        }
        var configuration = PluginConfiguration()
        configuration.callTimeout = .milliseconds(200)
        let started = ContinuousClock.now
        try await PluginTestClient.with(Sleepy(), transport: .inProcess, configuration: configuration) { client in
            let result = try await client.call(.templateExecute, body: try PluginTestClient.encode(ExecuteTemplateArgs.fixture()))
            #expect(result.status == 503)
        }
        // The handler was cancelled: far less than its 300 s sleep. The slack is wide because a sanitizer run on a
        // loaded 2-core machine kept this call waiting for a cooperative thread for up to 26 s.
        #expect(ContinuousClock.now - started < .seconds(150))
    }

    @Test("a closed live client's port refuses connections")
    func close() async throws {
        let client = try PluginTestClient.make(Echo(), transport: .live)
        #expect(try await client.execute(.fixture(plugin: "other")) == .notMine)
        await client.close()
        await #expect(throws: (any Error).self) {
            try await client.call(.templateExecute, json: "{}")
        }
    }
}
