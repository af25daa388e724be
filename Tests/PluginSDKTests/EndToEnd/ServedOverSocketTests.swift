import Foundation
import Testing
@testable import PluginSDK

@Suite("Served methods over a socket")
struct ServedOverSocketTests {
    @Test("a template plugin with one hook: its two methods answer 200, the six others 404")
    func mixed() async throws {
        let server = try TestServer.start(TemplateAndNodePlugin())
        let statuses: [PluginMethod: Int] = try await blocking {
            var statuses: [PluginMethod: Int] = [:]
            for method in PluginMethod.allCases {
                // A fresh connection each time: a refusal decided from the head closes its connection.
                let client = try server.client()
                let body: String
                switch method {
                case .templateExecute: body = Bodies.execute(plugin: #"{"mixed":{}}"#)
                case .nodePreExecute: body = HookBodies.preExecute("{}")
                default: body = "{}"
                }
                statuses[method] = try client.call(path: method.path, token: server.token, json: body).status
            }
            return statuses
        }
        for method in PluginMethod.allCases {
            let served = method == .templateExecute || method == .nodePreExecute
            #expect(statuses[method] == (served ? 200 : 404), "\(method)")
        }
        await server.stop()
    }

    @Test("an unserved method answers 404 before the body is read: the announced megabyte is never sent")
    func notFoundBeforeBody() async throws {
        let server = try TestServer.start(TemplateAndNodePlugin())
        let response = try await blocking {
            let client = try server.client()
            try client.send(
                "POST /api/v1/workflow.preOperate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(server.token)\r\n"
                    + "Content-Length: 1000000\r\n\r\n")
            return try client.readResponse()
        }
        #expect(response.status == 404)
        #expect(try JSONMeaning.parse(response.body)["error"] == "not found: method workflow.preOperate is not served by this plugin")
        await server.stop()
    }
}
