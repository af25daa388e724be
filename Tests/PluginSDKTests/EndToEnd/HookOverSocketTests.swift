import Foundation
import Testing
@testable import PluginSDK

@Suite("Hooks over a socket")
struct HookOverSocketTests {
    @Test("every hook answers over a real socket, and unserved methods 404")
    func everyHook() async throws {
        let server = try TestServer.start(HookPlugin())
        let results: [Int] = try await blocking {
            let client = try server.client()
            let calls: [(PluginMethod, String)] = [
                (.workflowPreOperate, HookBodies.preOperate), (.workflowPostOperate, HookBodies.postOperate),
                (.nodePreExecute, HookBodies.preExecute(#"{"done":{}}"#)), (.nodePostExecute, HookBodies.postExecute),
                (.parametersAdd, HookBodies.parameters), (.podPreCreate, HookBodies.pod()),
                (.podPostCreate, HookBodies.pod()),
            ]
            var statuses = try calls.map { try client.call(path: $0.0.path, token: server.token, json: $0.1).status }
            statuses.append(try server.client().call(
                path: PluginMethod.templateExecute.path, token: server.token,
                json: Bodies.hello).status)
            return statuses
        }
        #expect(results == [200, 200, 200, 200, 200, 200, 200, 404])
        await server.stop()
    }

    @Test("without a token file, a controller-only plugin serves header-less hooks on loopback when allowed")
    func withoutTokenFile() async throws {
        let server = try TestServer.start(HookPlugin()) {
            $0.controllerHooksWithoutToken = true
            $0.tokenFile = "/nonexistent/token"
        }
        let statuses = try await blocking {
            [
                try server.client().call(
                    path: PluginMethod.parametersAdd.path, token: nil,
                    json: HookBodies.parameters).status,
                try server.client().call(
                    path: PluginMethod.parametersAdd.path, token: "guess",
                    json: HookBodies.parameters).status,
            ]
        }
        #expect(statuses == [200, 403])
        await server.stop()
    }

    @Test("serving hooks without a token refuses a non-loopback host")
    func refusesWideBind() throws {
        #expect(throws: ConfigurationError.self) {
            _ = try TestServer.start(HookPlugin()) {
                $0.controllerHooksWithoutToken = true
                $0.host = "0.0.0.0"
            }
        }
    }

    @Test("a plugin serving template.execute still needs its token file when hooks are allowed without one")
    func executorNeedsToken() throws {
        #expect(throws: TokenFileError.self) {
            _ = try TestServer.start(ProbePlugin()) {
                $0.controllerHooksWithoutToken = true
                $0.tokenFile = "/nonexistent/token"
            }
        }
    }
}
