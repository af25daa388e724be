import Logging
import Testing

@testable import PluginSDK

/// A `TemplatePlugin`'s parameters: decoded from the parsed body on the request path, from `args` otherwise, by
/// the one decoder, with the same message when they do not decode.
@Suite("Template parameters")
struct TemplateParametersTests {
    /// Takes a number only an exact decoder reads: `UInt64.max` does not survive `JSONValue` (it becomes a Double).
    struct WidePlugin: TemplatePlugin {
        static let key = "wide"
        struct Parameters: Decodable, Sendable { var n: UInt64 }

        func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
            .succeeded(message: "\(parameters.n)")
        }
    }

    /// Hands different arguments on to `WidePlugin`: the inner plugin must decode those, not the request body.
    struct ForwardingPlugin: TemplateExecutor {
        func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws
            -> ExecuteTemplateReply
        {
            var forwarded = args
            forwarded.template.plugin = ["wide": ["n": 5]]
            return try await WidePlugin().executeTemplate(forwarded, context: context)
        }
    }

    static let token = "parameters-token"

    func respond<P: Plugin>(_ plugin: P, _ body: String) async throws -> JSONValue {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let responder = PluginResponder(
            plugin: plugin, token: BearerToken(fileContent: Self.token)!, configuration: PluginConfiguration(),
            logger: logger)
        let head = HTTPRequestHead(
            method: "POST", path: PluginMethod.templateExecute.path, authorization: "Bearer \(Self.token)",
            contentLength: body.utf8.count)
        let response = await responder.respond(to: HTTPRequest(head: head, body: Array(body.utf8)))
        #expect(response.status == 200)
        return try JSONMeaning.parse(response.body)
    }

    /// `executeTemplate` called directly, as a test or another plugin would: the parameters come from `args`.
    func executeDirectly<P: TemplatePlugin>(_ plugin: P, _ body: String) async throws -> ExecuteTemplateReply {
        let args = try WireJSON.decode(ExecuteTemplateArgs.self, from: Array(body.utf8))
        let context = PluginContext(method: .templateExecute, workflowName: "wf")
        return try await plugin.executeTemplate(args, context: context)
    }

    @Test("a parameter of the wrong type fails the node with the same message on both routes, naming the field")
    func badParameterMessage() async throws {
        let body = Bodies.probe(#"{"sleepMilliseconds":"soon"}"#)
        let expected =
            "invalid parameters for plugin 'probe': sleepMilliseconds: expected a number; "
            + "expected an integer at sleepMilliseconds but found a string"
        let served = try await respond(ProbePlugin(), body)
        #expect(served["node"]?["phase"] == "Failed")
        #expect(served["node"]?["message"]?.stringValue == expected)
        let direct = try await executeDirectly(ProbePlugin(), body)
        #expect(direct.node?.phase == .failed)
        #expect(direct.node?.message == expected)
    }

    @Test("parameters that are not an object are refused at the top level of the configuration")
    func wrongShape() async throws {
        let served = try await respond(ProbePlugin(), Bodies.probe("[1]"))
        #expect(
            served["node"]?["message"]?.stringValue
                == "invalid parameters for plugin 'probe': the top level: expected an object; "
                + "expected an object at the top level but found an array")
    }

    @Test("on the request path the parameters are decoded from the parsed body, not from its JSONValue copy")
    func fromTheBody() async throws {
        let body = Bodies.execute(plugin: #"{"wide":{"n":18446744073709551615}}"#)
        let served = try await respond(WidePlugin(), body)
        #expect(served["node"]?["message"] == "18446744073709551615")
        // The copy in `args` holds the number as a Double, which no longer fits: only the body keeps it exact.
        let direct = try await executeDirectly(WidePlugin(), body)
        #expect(direct.node?.phase == .failed)
    }

    @Test("a plugin that passes other arguments on gets those decoded, not the request body")
    func forwardedArguments() async throws {
        let served = try await respond(ForwardingPlugin(), Bodies.execute(plugin: #"{"wide":{"n":7}}"#))
        #expect(served["node"]?["message"] == "5")
    }
}
