import Logging
import Testing
@testable import PluginSDK

/// Each controller and pod hook through the responder with Argo-shaped bodies.
@Suite("Controller and pod hooks")
struct HookTests {
    static let token = "hook-token"

    func responder<P: Plugin>(_ plugin: P, withoutToken: Bool = false) -> PluginResponder<P> {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        var configuration = PluginConfiguration()
        configuration.controllerHooksWithoutToken = withoutToken
        return PluginResponder(
            plugin: plugin, token: BearerToken(fileContent: Self.token)!, configuration: configuration, logger: logger)
    }

    func call<P: Plugin>(
        _ responder: PluginResponder<P>, _ method: PluginMethod, _ body: String,
        authorization: String? = "Bearer \(HookTests.token)"
    ) async -> HTTPResponse {
        await responder.respond(
            to: HTTPRequest(
                head: HTTPRequestHead(method: "POST", path: method.path, authorization: authorization, contentLength: nil),
                body: Array(body.utf8)))
    }

    @Test("workflow.preOperate replies with metadata to merge")
    func preOperate() async throws {
        let response = await call(responder(HookPlugin()), .workflowPreOperate, HookBodies.preOperate)
        #expect(response.status == 200)
        #expect(
            try JSONMeaning.same(
                response.body, #"{"workflow":{"metadata":{"annotations":{"seen-by":"wf-1"},"labels":{"uid":"u-1"}}}}"#))
    }

    @Test("workflow.postOperate reads old and new and replies {}")
    func postOperate() async throws {
        let response = await call(responder(HookPlugin()), .workflowPostOperate, HookBodies.postOperate)
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "{}")
    }

    @Test("node.preExecute can complete, skip, or let a node run")
    func preExecute() async throws {
        let plugin = responder(HookPlugin())
        let done = await call(plugin, .nodePreExecute, HookBodies.preExecute(#"{"done":{}}"#))
        #expect(
            try JSONMeaning.same(
                done.body,
                #"{"node":{"phase":"Succeeded","message":"done t","outputs":{"parameters":[{"name":"x","value":"1"}]}}}"#))
        let skipped = await call(plugin, .nodePreExecute, HookBodies.preExecute(#"{"skip":{}}"#))
        #expect(try JSONMeaning.same(skipped.body, #"{"node":{"phase":"Skipped","message":"skipped wf-1[0].s"}}"#))
        let proceed = await call(plugin, .nodePreExecute, HookBodies.preExecute("{}"))
        #expect(String(decoding: proceed.body, as: UTF8.self) == "{}")
    }

    @Test("node.postExecute and pod.postCreate reply {}")
    func postHooks() async throws {
        let plugin = responder(HookPlugin())
        #expect(String(decoding: await call(plugin, .nodePostExecute, HookBodies.postExecute).body, as: UTF8.self) == "{}")
        #expect(String(decoding: await call(plugin, .podPostCreate, HookBodies.pod()).body, as: UTF8.self) == "{}")
    }

    @Test("parameters.add returns placeholders")
    func parameters() async throws {
        let response = await call(responder(HookPlugin()), .parametersAdd, HookBodies.parameters)
        #expect(try JSONMeaning.same(response.body, #"{"parameters":{"greeting":"hello wf-1"}}"#))
    }

    @Test("pod.preCreate returns the modified pod with every field it received, or a refusal")
    func podPreCreate() async throws {
        let plugin = responder(HookPlugin())
        let modified = try JSONMeaning.parse(await call(plugin, .podPreCreate, HookBodies.pod()).body)
        #expect(modified["pod"]?["metadata"]?["labels"]?["checked"] == "yes")
        #expect(modified["pod"]?["spec"]?["restartPolicy"] == "Never")
        #expect(modified["pod"]?["spec"]?["containers"]?.arrayValue?.count == 2)
        #expect(modified["pod"]?["apiVersion"] == "v1")
        let refused = await call(plugin, .podPreCreate, HookBodies.pod(labels: #"{"forbidden":"1"}"#))
        #expect(try JSONMeaning.same(refused.body, #"{"refusal":{"reason":"pods labelled forbidden are not allowed"}}"#))
    }

    @Test("a transient hook error answers 503, any other 500")
    func hookErrors() async throws {
        let plugin = responder(HookPlugin())
        let transient = HookBodies.preOperate.replacingOccurrences(of: #""team":"a""#, with: #""fail":"transient""#)
        #expect(await call(plugin, .workflowPreOperate, transient).status == 503)
        let fatal = HookBodies.preOperate.replacingOccurrences(of: #""team":"a""#, with: #""fail":"fatal""#)
        let response = await call(plugin, .workflowPreOperate, fatal)
        #expect(response.status == 500)
        #expect(String(decoding: response.body, as: UTF8.self).contains("policy says no"))
    }

    @Test("hooks the plugin does not serve answer 404; so does template.execute on a controller-only plugin")
    func unimplemented() async throws {
        let executorOnly = responder(ProbePlugin())
        #expect(await call(executorOnly, .nodePreExecute, HookBodies.preExecute("{}")).status == 404)
        #expect(await call(responder(HookPlugin()), .templateExecute, Bodies.hello).status == 404)
    }

    @Test("a hook body missing a required field answers 400")
    func badBody() async throws {
        let response = await call(responder(HookPlugin()), .nodePreExecute, #"{"workflow":\#(HookBodies.workflow)}"#)
        #expect(response.status == 400)
    }

    @Test("by default hooks need the token like every method")
    func authRequired() async throws {
        let plugin = responder(HookPlugin())
        #expect(await call(plugin, .parametersAdd, HookBodies.parameters, authorization: nil).status == 403)
        #expect(await call(plugin, .parametersAdd, HookBodies.parameters, authorization: "Bearer x").status == 403)
    }

    @Test("with hooks explicitly allowed without a token, only header-less controller hooks pass")
    func authOff() async throws {
        let plugin = responder(HookPlugin(), withoutToken: true)
        #expect(await call(plugin, .parametersAdd, HookBodies.parameters, authorization: nil).status == 200)
        // A wrong token is still refused, and template.execute still needs the token.
        #expect(await call(plugin, .parametersAdd, HookBodies.parameters, authorization: "Bearer x").status == 403)
        let both = responder(ProbePlugin(), withoutToken: true)
        #expect(await call(both, .templateExecute, Bodies.probe("{}"), authorization: nil).status == 403)
    }
}
