import Foundation
import Logging
import Testing
@testable import PluginSDK

/// Replies whose phase would leave a node unfinished for ever are answered `Failed`, in process and over a socket.
@Suite("Never stuck")
struct NeverStuckTests {
    /// Replies with the node its configuration describes: `phase` as given (absent when missing), `requeue`.
    struct PhasePlugin: TemplatePlugin {
        static let key = "phase"
        struct Parameters: Decodable, Sendable {
            var phase: String?
            var message: String?
            var requeue: String?
            var notMine: Bool?
        }

        func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
            if parameters.notMine == true { return .notMine }
            return ExecuteTemplateReply(
                node: NodeResult(phase: parameters.phase.map(NodePhase.init(rawValue:)), message: parameters.message),
                requeue: try parameters.requeue.map { try GoDuration(parsing: $0) })
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var config: String
        var expected: String
        var testDescription: String { config }
    }

    static let stuckCases: [Case] = [
        Case(
            config: #"{"message":"working on it","requeue":"30s"}"#,
            expected: "the plugin replied with a node without a phase; Argo's agent would drop the result, "
                + "and the node would never finish"),
        Case(
            config: #"{"phase":""}"#,
            expected: "the plugin replied with an empty phase; Argo's agent would drop the result, "
                + "and the node would never finish"),
        Case(
            config: #"{"phase":"Suceeded","requeue":"5s"}"#,
            expected: #"the plugin replied with an unknown phase "Suceeded" (Argo's are Pending, Running, "#
                + "Succeeded, Skipped, Failed, Error, Omitted); Argo would set it on the node, "
                + "and the node would never finish"),
        Case(
            config: #"{"phase":"running"}"#,
            expected: #"the plugin replied with an unknown phase "running" (Argo's are Pending, Running, "#
                + "Succeeded, Skipped, Failed, Error, Omitted); Argo would set it on the node, "
                + "and the node would never finish"),
    ]

    @Test("a node without a known phase is answered Failed in process, naming the problem, without requeue",
          arguments: stuckCases)
    func inProcess(_ stuck: Case) async throws {
        let capture = LogCapture()
        let responder = PluginResponder(
            plugin: PhasePlugin(), token: BearerToken(fileContent: "t")!, configuration: PluginConfiguration(),
            logger: capture.logger())
        let body = Bodies.execute(plugin: #"{"phase":\#(stuck.config)}"#)
        let response = await responder.respond(
            to: HTTPRequest(
                head: HTTPRequestHead(
                    method: "POST", path: "/api/v1/template.execute", authorization: "Bearer t",
                    contentLength: body.utf8.count),
                body: Array(body.utf8)))
        #expect(response.status == 200)
        let reply = try JSONMeaning.parse(response.body)
        #expect(reply == ["node": ["phase": "Failed", "message": .string(stuck.expected)]])
        #expect(capture.text.contains("error answering Failed: \(stuck.expected)"))
    }

    @Test("a node without a known phase is answered Failed over a socket", arguments: stuckCases)
    func overSocket(_ stuck: Case) async throws {
        let server = try TestServer.start(PhasePlugin())
        let body = Bodies.execute(plugin: #"{"phase":\#(stuck.config)}"#)
        let response = try await blocking {
            try server.client().call(path: "/api/v1/template.execute", token: server.token, json: body)
        }
        await server.stop()
        #expect(response.status == 200)
        #expect(try JSONMeaning.parse(response.body) == ["node": ["phase": "Failed", "message": .string(stuck.expected)]])
    }

    @Test("known phases, {} and the requeue rules are as before")
    func unchanged() async throws {
        let server = try TestServer.start(PhasePlugin())
        let replies: [String: String] = [
            #"{"notMine":true}"#: "{}",
            #"{"phase":"Skipped","message":"not needed"}"#: #"{"node":{"phase":"Skipped","message":"not needed"}}"#,
            #"{"phase":"Failed","message":"no","requeue":"1m"}"#: #"{"node":{"phase":"Failed","message":"no"}}"#,
            #"{"phase":"Pending"}"#: #"{"node":{"phase":"Pending"},"requeue":"10s"}"#,
            #"{"phase":"Running","requeue":"1m30s"}"#: #"{"node":{"phase":"Running"},"requeue":"1m30s"}"#,
        ]
        for (config, expected) in replies {
            let body = Bodies.execute(plugin: #"{"phase":\#(config)}"#)
            let response = try await blocking {
                try server.client().call(path: "/api/v1/template.execute", token: server.token, json: body)
            }
            #expect(response.status == 200)
            #expect(try JSONMeaning.same(response.body, expected), "\(config) -> \(response.text)")
        }
        await server.stop()
    }
}
