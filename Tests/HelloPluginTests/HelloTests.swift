import Logging
import Testing
@testable import HelloPlugin
@testable import PluginSDK

@Suite("HelloPlugin")
struct HelloTests {
    func args(plugin: JSONValue) -> ExecuteTemplateArgs {
        ExecuteTemplateArgs(
            workflow: Workflow(metadata: ObjectMeta(name: "my-wf", namespace: "argo")),
            template: Template(name: "main", plugin: plugin.objectValue))
    }

    func context() -> PluginContext {
        PluginContext(method: .templateExecute, workflowName: "my-wf", templateName: "main")
    }

    @Test("replies Succeeded with 'Hello template!' and output foo=bar for plugin: {hello: {}}")
    func hello() async throws {
        let reply = try await Hello().executeTemplate(args(plugin: ["hello": [:]]), context: context())
        #expect(reply.node?.phase == .succeeded)
        #expect(reply.node?.message == "Hello template!")
        #expect(reply.node?.outputs?.parameters?.first?.name == "foo")
        #expect(reply.node?.outputs?.parameters?.first?.value?.description == "bar")
        #expect(reply.requeue == nil)
    }

    @Test("replies {} for templates of other plugins")
    func notMine() async throws {
        let reply = try await Hello().executeTemplate(args(plugin: ["slack": ["text": "x"]]), context: context())
        #expect(reply == .notMine)
    }

    @Test("the wire reply equals Argo's documented hello reply")
    func wire() async throws {
        var logger = Logger(label: "t")
        logger.logLevel = .critical
        let responder = PluginResponder(
            plugin: Hello(), token: BearerToken(fileContent: "t")!, configuration: PluginConfiguration(), logger: logger)
        let body = #"{"workflow":{"metadata":{"name":"my-wf"}},"template":{"name":"my-tmpl","inputs":{},"outputs":{},"plugin":{"hello":{}}}}"#
        let response = await responder.respond(
            to: HTTPRequest(
                head: HTTPRequestHead(
                    method: "POST", path: "/api/v1/template.execute", authorization: "Bearer t", contentLength: nil),
                body: Array(body.utf8)))
        #expect(response.status == 200)
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(
            text == #"{"node":{"message":"Hello template!","outputs":{"parameters":[{"name":"foo","value":"bar"}]},"phase":"Succeeded"}}"#)
    }
}
