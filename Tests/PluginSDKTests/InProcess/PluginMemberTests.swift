import Foundation
import Logging
import Testing
@testable import PluginSDK

/// `template.plugin` is an object in Argo's swagger: any other JSON type is refused at the door, while templates
/// that are simply another plugin's keep their fast `{}`.
@Suite("template.plugin at the door")
struct PluginMemberTests {
    /// Serves `template.execute` with the whole arguments, so its body is decoded in full.
    struct Executor: TemplateExecutor {
        func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws -> ExecuteTemplateReply {
            args.template.pluginConfig(for: "probe") == nil ? .notMine : .succeeded()
        }
    }

    func respond<P: Plugin>(_ plugin: P, template: String) async -> HTTPResponse {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let responder = PluginResponder(
            plugin: plugin, token: BearerToken(fileContent: "t")!, configuration: PluginConfiguration(), logger: logger)
        let body = #"{"workflow":{"metadata":{"name":"w","namespace":"argo","uid":"u"}},"template":\#(template)}"#
        let head = HTTPRequestHead(
            method: "POST", path: "/api/v1/template.execute", authorization: "Bearer t", contentLength: body.utf8.count)
        return await responder.respond(to: HTTPRequest(head: head, body: Array(body.utf8)))
    }

    @Test(
        "a plugin member that is not an object is a 400 naming the field",
        arguments: [
            (#""probe""#, "a string"), ("[]", "an array"), ("[{\"probe\":{}}]", "an array"), ("7", "a number"),
            ("true", "a boolean"),
        ])
    func notAnObject(member: String, found: String) async throws {
        let response = await respond(ProbePlugin(), template: #"{"name":"t","plugin":\#(member)}"#)
        #expect(response.status == 400)
        #expect(
            try JSONMeaning.parse(response.body)["error"]
                == .string("bad request: template.plugin: expected an object, found \(found)"))
    }

    @Test("a TemplateExecutor, which decodes the whole body, refuses it the same way")
    func executorRefuses() async throws {
        let response = await respond(Executor(), template: #"{"name":"t","plugin":"probe"}"#)
        #expect(response.status == 400)
        let error = try JSONMeaning.parse(response.body)["error"]?.stringValue ?? ""
        #expect(error.hasPrefix("bad request: template.plugin: expected an object"), "\(error)")
    }

    @Test(
        "a template without a plugin member, with null, or with another plugin's key gets {}",
        arguments: [#"{"name":"t"}"#, #"{"name":"t","plugin":null}"#, #"{"name":"t","plugin":{"slack":{}}}"#])
    func foreign(template: String) async throws {
        for response in [await respond(ProbePlugin(), template: template), await respond(Executor(), template: template)] {
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "{}")
        }
    }
}
