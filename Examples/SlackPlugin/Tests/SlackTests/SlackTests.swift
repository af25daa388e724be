import Foundation
import Logging
import Testing

import PluginSDKTesting
import Slack

/// The Slack plugin against the test kit's FakeService standing in for Slack (a real local HTTP server).
@Suite("SlackPlugin", .serialized)
struct SlackTests {
    private func args(_ plugin: JSONValue, template: String = "notify") -> ExecuteTemplateArgs {
        ExecuteTemplateArgs(
            workflow: Workflow(metadata: ObjectMeta(name: "build-42", namespace: "argo")),
            template: Template(name: template, plugin: plugin.objectValue))
    }

    /// The context the SDK would build for `args`: workflow and template included, so idempotency keys differ
    /// between calls that differ.
    private func context(_ args: ExecuteTemplateArgs? = nil, deadlineIn seconds: Double = 25) -> PluginContext {
        var logger = Logger(label: "slack-test")
        logger.logLevel = .critical
        return PluginContext(
            method: .templateExecute, workflowName: "build-42", templateName: "notify", logger: logger,
            deadline: .now.advanced(by: .milliseconds(Int64(seconds * 1000))), workflow: args?.workflow,
            template: args?.template)
    }

    /// Executes `plugin` the way the SDK does: args and a matching context.
    private func run(_ slack: Slack, _ plugin: JSONValue, deadlineIn seconds: Double = 25) async throws
        -> ExecuteTemplateReply
    {
        let call = args(plugin)
        return try await slack.executeTemplate(call, context: context(call, deadlineIn: seconds))
    }

    /// Runs `body` with a plugin aimed at a fresh fake Slack, then shuts both down.
    private func withSlack(
        _ replies: [FakeReply], timeout: Swift.Duration = .seconds(5),
        _ body: (Slack, FakeService) async throws -> Void
    ) async throws {
        let server = try await FakeService.start([FakeRoute(nil, "/**", replies: replies)])
        let slack = try Slack(webhookURL: Self.webhookURL(server), timeout: timeout)
        do {
            try await body(slack, server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// A webhook-shaped URL on the fake server.
    private static func webhookURL(_ server: FakeService) -> String {
        server.url + "/services/T0000/B0000/secret-token"
    }

    /// Slack's plain-text `ok`.
    private static let ok = FakeReply.text("ok")

    @Test("posts {text, channel} as JSON to the webhook and replies Succeeded 'Slack message sent'")
    func delivered() async throws {
        try await withSlack([Self.ok]) { slack, server in
            let reply = try await slack.executeTemplate(
                args(["slack": ["text": "build-42 finished!", "channel": "#builds"]]), context: context())
            #expect(reply.node?.phase == .succeeded)
            #expect(reply.node?.message == "Slack message sent")
            let requests = server.requests
            try #require(requests.count == 1)
            #expect(requests[0].method == "POST")
            #expect(requests[0].path == "/services/T0000/B0000/secret-token")
            #expect(requests[0].header("content-type")?.hasPrefix("application/json") == true)
            #expect(requests[0].text == ##"{"channel":"#builds","text":"build-42 finished!"}"##)
        }
    }

    @Test("leaves channel out of the body when the template has none")
    func noChannel() async throws {
        try await withSlack([Self.ok]) { slack, server in
            _ = try await slack.executeTemplate(args(["slack": ["text": "done"]]), context: context())
            #expect(server.requests.map(\.text) == [#"{"text":"done"}"#])
        }
    }

    @Test("answers {} for other plugins' templates without calling Slack")
    func notMine() async throws {
        try await withSlack([Self.ok]) { slack, server in
            let reply = try await slack.executeTemplate(args(["hello": [:]]), context: context())
            #expect(reply == .notMine)
            #expect(server.requests.isEmpty)
        }
    }

    @Test("fails the node without calling Slack when text is missing or empty", arguments: [
        ["slack": ["channel": "#x"]] as JSONValue, ["slack": ["text": ""]] as JSONValue,
    ])
    func badParameters(plugin: JSONValue) async throws {
        try await withSlack([Self.ok]) { slack, server in
            let reply = try await slack.executeTemplate(args(plugin), context: context())
            #expect(reply.node?.phase == .failed)
            #expect(reply.node?.message?.contains("text") == true)
            #expect(server.requests.isEmpty)
        }
    }

    @Test("a 429 is transient and names the Retry-After")
    func rateLimited() async throws {
        try await withSlack([FakeReply.text("rate_limited", status: 429, headers: ["Retry-After": "30"])]) { slack, server in
            await #expect {
                try await slack.executeTemplate(args(["slack": ["text": "hi"]]), context: context())
            } throws: { error in
                (error as? TransientError)?.message == "Slack is rate limiting this webhook (HTTP 429, retry after 30s)"
            }
            #expect(server.requests.count == 1, "one attempt per call: Argo does the retrying")
        }
    }

    @Test("5xx answers are transient", arguments: [500, 502, 503])
    func serverErrors(status: Int) async throws {
        try await withSlack([FakeReply.text("rollup_error", status: status)]) { slack, _ in
            await #expect {
                try await slack.executeTemplate(args(["slack": ["text": "hi"]]), context: context())
            } throws: { error in
                (error as? TransientError)?.message == "Slack answered HTTP \(status): rollup_error"
            }
        }
    }

    @Test("a slow Slack times out as a transient error, well before the call's deadline")
    func slow() async throws {
        try await withSlack([FakeReply.text("ok", status: 200).delayed(by: .seconds(3))], timeout: .milliseconds(500)) { slack, _ in
            let start = ContinuousClock.now
            await #expect {
                try await slack.executeTemplate(args(["slack": ["text": "hi"]]), context: context())
            } throws: { error in
                (error as? TransientError)?.message.contains("did not answer within 0.5s") == true
            }
            #expect(ContinuousClock.now - start < .seconds(2))
        }
    }

    @Test("the post is cut short by the call's deadline when that comes first")
    func deadlineBoundsThePost() async throws {
        try await withSlack([FakeReply.text("ok", status: 200).delayed(by: .seconds(3))], timeout: .seconds(10)) { slack, _ in
            let start = ContinuousClock.now
            await #expect(throws: TransientError.self) {
                try await slack.executeTemplate(args(["slack": ["text": "hi"]]), context: context(deadlineIn: 1.8))
            }
            #expect(ContinuousClock.now - start < .milliseconds(1500), "answers a second before the deadline")
        }
    }

    @Test("an unreachable Slack is transient")
    func unreachable() async throws {
        // Port 1 on loopback: below the ephemeral range, so no test's listener can be there, and nothing listens on
        // it (a stopped fake's port could be handed to another test's listener in a parallel run).
        let slack = try Slack(webhookURL: "http://127.0.0.1:1/services/T0000/B0000/secret-token", timeout: .seconds(2))
        await #expect {
            try await slack.executeTemplate(args(["slack": ["text": "hi"]]), context: context())
        } throws: { error in
            (error as? TransientError)?.message.hasPrefix("could not reach Slack") == true
        }
    }

    @Test("4xx refusals fail the node with Slack's reason", arguments: [
        (403, "invalid_token"), (404, "channel_not_found"), (410, "channel_is_archived"), (400, "invalid_payload"),
    ])
    func refused(status: Int, code: String) async throws {
        try await withSlack([FakeReply.text(code, status: status)]) { slack, server in
            let reply = try await slack.executeTemplate(args(["slack": ["text": "hi"]]), context: context())
            #expect(reply.node?.phase == .failed)
            #expect(reply.node?.message == "Slack refused the message: HTTP \(status): \(code)")
            #expect(server.requests.count == 1)
        }
    }

    @Test("a redirect is refused, not followed")
    func redirect() async throws {
        try await withSlack([FakeReply.text("", status: 302, headers: ["Location": "http://127.0.0.1:1/elsewhere"])]) {
            slack, server in
            let reply = try await slack.executeTemplate(args(["slack": ["text": "hi"]]), context: context())
            #expect(reply.node?.phase == .failed)
            #expect(reply.node?.message?.contains("redirect") == true)
            #expect(server.requests.count == 1)
        }
    }

    @Test("a call re-sent after success answers Succeeded again without posting twice")
    func resentAfterSuccess() async throws {
        try await withSlack([Self.ok]) { slack, server in
            let first = try await run(slack, ["slack": ["text": "deployed"]])
            let again = try await run(slack, ["slack": ["text": "deployed"]])
            #expect(first.node?.phase == .succeeded)
            #expect(again == first)
            #expect(server.requests.count == 1)
            _ = try await run(slack, ["slack": ["text": "rolled back"]])
            #expect(server.requests.count == 2, "a different message is different work")
        }
    }

    @Test("a call retried after a transient failure posts again")
    func retriedAfterFailure() async throws {
        try await withSlack([FakeReply.text("rollup_error", status: 500), Self.ok]) { slack, server in
            await #expect(throws: TransientError.self) { try await run(slack, ["slack": ["text": "hi"]]) }
            let retry = try await run(slack, ["slack": ["text": "hi"]])
            #expect(retry.node?.phase == .succeeded)
            #expect(server.requests.count == 2)
        }
    }

    @Test("an identical call while the first is still posting answers Running instead of posting")
    func identicalCallInFlight() async throws {
        try await withSlack([FakeReply.text("ok", status: 200).delayed(by: .milliseconds(600))]) { slack, server in
            async let first = run(slack, ["slack": ["text": "hi"]])
            try await Task.sleep(for: .milliseconds(200))
            let second = try await run(slack, ["slack": ["text": "hi"]])
            #expect(second.node?.phase == .running)
            #expect(second.requeue != nil)
            #expect(try await first.node?.phase == .succeeded)
            #expect(server.requests.count == 1)
        }
    }

    @Test("on the wire, a transient failure is HTTP 503 and a refusal is a Failed node")
    func wire() async throws {
        try await withSlack([FakeReply.text("rate_limited", status: 429), FakeReply.text("invalid_token", status: 403)]) {
            slack, _ in
            try await PluginTestClient.with(slack, transport: .inProcess) { client in
                let body = #"{"workflow":{"metadata":{"name":"wf"}},"template":{"name":"main","plugin":{"slack":{"text":"hi"}}}}"#
                let first = try await client.call(.templateExecute, json: body)
                #expect(first.status == 503)
                let second = try await client.call(.templateExecute, json: body)
                #expect(second.status == 200)
                #expect(second.text.contains(#""phase":"Failed""#))
            }
        }
    }
}
