import Logging
import Testing
@_spi(Testing) @testable import PluginSDK

/// A template plugin that also serves one controller hook, as the call-instructions benchmark's plugin does.
struct TemplateAndNodePlugin: TemplatePlugin, NodePreExecuteHook {
    static let key = "mixed"
    struct Parameters: Decodable, Sendable {}

    func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
        .succeeded()
    }

    func nodePreExecute(_ args: NodePreExecuteArgs, context: PluginContext) async throws -> NodePreExecuteReply {
        .proceed
    }
}

/// A class plugin: conformances are found on the instance's type as for a struct.
final class ClassHookPlugin: WorkflowPostOperateHook, PodPostCreateHook {
    func workflowPostOperate(_ args: WorkflowPostOperateArgs, context: PluginContext) async throws
        -> WorkflowPostOperateReply
    {
        WorkflowPostOperateReply()
    }

    func podPostCreate(_ args: PodPostCreateArgs, context: PluginContext) async throws -> PodPostCreateReply {
        PodPostCreateReply()
    }
}

@Suite("Served methods follow from the handler protocols")
struct ServedMethodsTests {
    static let shapes: [(any Plugin, Set<PluginMethod>)] = [
        (ProbePlugin(), [.templateExecute]),
        (HookAndTemplatePlugin(), [.templateExecute, .parametersAdd]),
        (TemplateAndNodePlugin(), [.templateExecute, .nodePreExecute]),
        (ClassHookPlugin(), [.workflowPostOperate, .podPostCreate]),
        (HookPlugin(), Set(PluginMethod.allCases).subtracting([.templateExecute])),
        (NothingPlugin(), []),
    ]

    func responder<P: Plugin>(_ plugin: P) -> PluginResponder<P> {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return PluginResponder(
            plugin: plugin, token: BearerToken(fileContent: "t")!, configuration: PluginConfiguration(), logger: logger)
    }

    /// The status `respondEarly` gives each method's head (`nil`: it lets the request through to its handler).
    func earlyStatuses<P: Plugin>(_ plugin: P) -> [PluginMethod: Int?] {
        let responder = responder(plugin)
        var statuses: [PluginMethod: Int?] = [:]
        for method in PluginMethod.allCases {
            let head = HTTPRequestHead(method: "POST", path: method.path, authorization: "Bearer t", contentLength: 2)
            statuses[method] = .some(responder.respondEarly(to: head)?.status)
        }
        return statuses
    }

    @Test("servedMethods is exactly the methods of the adopted handler protocols", arguments: shapes)
    func served(plugin: any Plugin, expected: Set<PluginMethod>) {
        #expect(plugin.servedMethods == expected)
    }

    @Test("every unserved method answers 404 from the request head, and no served one does", arguments: shapes)
    func routing(plugin: any Plugin, expected: Set<PluginMethod>) {
        let statuses = earlyStatuses(plugin)
        for method in PluginMethod.allCases {
            let status: Int?? = expected.contains(method) ? .some(nil) : .some(404)
            #expect(statuses[method] == status, "\(method)")
        }
    }

    @Test("a whole request to an unserved method answers 404 without calling anything")
    func wholeRequest() async throws {
        let responder = responder(ProbePlugin())
        let head = HTTPRequestHead(
            method: "POST", path: PluginMethod.nodePreExecute.path, authorization: "Bearer t", contentLength: nil)
        let response = await responder.respond(
            to: HTTPRequest(head: head, body: Array(HookBodies.preExecute("{}").utf8)))
        #expect(response.status == 404)
        #expect(try JSONMeaning.parse(response.body)["error"] == "not found: method node.preExecute is not served by this plugin")
    }

    @Test("a plugin that adopts no handler protocol does not start, and the one-line error names what to adopt")
    func refusesIdle() throws {
        let error = #expect(throws: ConfigurationError.self) { _ = try TestServer.start(NothingPlugin()) }
        let message = try #require(error?.description)
        #expect(!message.contains("\n"))
        #expect(message.hasPrefix("NothingPlugin serves no method: adopt TemplatePlugin or TemplateExecutor"))
        for method in PluginMethod.allCases {
            #expect(message.contains(method.handlerProtocol))
        }
        #expect(throws: ConfigurationError.self) { _ = try InProcessTransport(plugin: NothingPlugin(), token: "t") }
    }

    @Test("the protocol named for each method is the one that serves it")
    func protocolNames() {
        let protocols: [PluginMethod: Any.Type] = [
            .templateExecute: (any TemplateExecutor).self, .workflowPreOperate: (any WorkflowPreOperateHook).self,
            .workflowPostOperate: (any WorkflowPostOperateHook).self, .nodePreExecute: (any NodePreExecuteHook).self,
            .nodePostExecute: (any NodePostExecuteHook).self, .parametersAdd: (any ParametersAddHook).self,
            .podPreCreate: (any PodPreCreateHook).self, .podPostCreate: (any PodPostCreateHook).self,
        ]
        for method in PluginMethod.allCases {
            let name = String(describing: protocols[method]!)
            #expect(name == "any \(method.handlerProtocol)" || name == method.handlerProtocol, "\(method)")
        }
    }
}
