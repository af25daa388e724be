@testable import AgentSimulator
import Foundation
import ArgoModels
import Testing
import ToolTestSupport

@Suite("simulate: calls plugins exactly as Argo's agent does")
struct AgentProtocolTests {
    func simulate(
        _ yaml: String, _ plugins: [ScriptedPlugin], token: String = "tok", timing: AgentTiming = Workflows.fastTiming(),
        progress: Progress = Progress()
    ) async throws -> SimulationReport {
        // The plugins in the given order and no claim probes: these tests count calls per plugin.
        let simulator = Simulator(
            plugins: plugins.map { PluginEndpoint(address: $0.url, token: token) }, timing: timing, uid: "uid-42",
            pluginOrder: .given, claimCheck: false)
        return await simulator.run(try WorkflowDocument(yaml: yaml, suffix: "abcde"), progress: progress.sink)
    }

    @Test("POSTs Argo's body to /api/v1/template.execute with JSON and bearer headers")
    func requestShape() async throws {
        let plugin = try ScriptedPlugin([.succeeded])
        let report = try await simulate(Workflows.single(config: "{greeting: hi}"), [plugin])
        #expect(report.succeeded)
        let request = try #require(plugin.received.first)
        #expect(plugin.received.count == 1)
        #expect(request.requestLine == "POST /api/v1/template.execute HTTP/1.1")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["authorization"] == "Bearer tok")
        let body = try JSONDecoder().decode(JSONValue.self, from: Data(request.body.utf8))
        let expected: JSONValue = [
            "workflow": ["metadata": ["name": "sim-abcde", "namespace": "ci", "uid": "uid-42"]],
            "template": ["name": "main", "plugin": ["hello": ["greeting": "hi"]]],
        ]
        #expect(body == expected)
    }

    @Test("503 is retried with backoff until the plugin answers")
    func transientThenSuccess() async throws {
        let plugin = try ScriptedPlugin([Reply(status: 503, body: #"{"error":"busy"}"#), Reply(status: 503, body: "{}"), .succeeded])
        let progress = Progress()
        let report = try await simulate(Workflows.single(), [plugin], progress: progress)
        #expect(report.succeeded)
        #expect(plugin.received.count == 3)
        #expect(report.nodes.first?.calls == 1)
        #expect(progress.text.contains("503 transient: {\"error\":\"busy\"}; retrying in"))
        #expect(progress.text.contains("(attempt 3 of 5)"))
    }

    @Test("a plugin that stays 503 fails the node after five attempts")
    func transientForever() async throws {
        let plugin = try ScriptedPlugin([Reply(status: 503, body: "still busy")])
        let report = try await simulate(Workflows.single(), [plugin])
        #expect(!report.succeeded)
        #expect(plugin.received.count == 5)
        #expect(report.nodes.first?.phase == .failed)
        #expect(report.nodes.first?.message == "still busy")
    }

    @Test("404 is remembered per plugin: never called again; the next plugin executes")
    func notFoundRemembered() async throws {
        let yaml = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: two}
            spec:
              entrypoint: main
              templates:
                - name: main
                  steps:
                    - - {name: a, template: p}
                    - - {name: b, template: p}
                - name: p
                  plugin: {hello: {}}
            """
        let first = try ScriptedPlugin([Reply(status: 404, body: #"{"error":"not found"}"#)])
        let second = try ScriptedPlugin([.succeeded])
        let progress = Progress()
        let report = try await simulate(yaml, [first, second], progress: progress)
        #expect(report.succeeded)
        #expect(first.received.count == 1)
        #expect(second.received.count == 2)
        #expect(report.nodes.map(\.name) == ["two", "two[0].a", "two[1].b"])
        #expect(report.nodes.last?.plugin == second.url)
        #expect(progress.text.contains("answered 404 for template.execute: not calling it again"))
    }

    @Test("plugins are asked in order until one returns a node")
    func order() async throws {
        let first = try ScriptedPlugin([.notMine])
        let second = try ScriptedPlugin([.succeeded])
        let third = try ScriptedPlugin([.succeeded])
        let report = try await simulate(Workflows.single(), [first, second, third])
        #expect(report.succeeded)
        #expect((first.received.count, second.received.count, third.received.count) == (1, 1, 0))
    }

    @Test("no plugin claiming the template fails the node with Argo's message")
    func nobody() async throws {
        let report = try await simulate(Workflows.single(), [try ScriptedPlugin([.notMine]), try ScriptedPlugin([.notMine])])
        #expect(!report.succeeded)
        #expect(report.nodes.first?.message == "no plugin executed the template")
        #expect(report.table.contains("workflow sim-abcde would fail: sim-abcde"))
    }

    @Test("a plugin slower than the call timeout is retried, then fails with a timeout")
    func slow() async throws {
        let plugin = try ScriptedPlugin([Reply(status: 200, body: "{}", delay: .seconds(1))])
        let started = ContinuousClock.now
        let report = try await simulate(Workflows.single(), [plugin], timing: Workflows.fastTiming(timeout: .milliseconds(200)))
        #expect(!report.succeeded)
        #expect(report.nodes.first?.message?.contains("Client.Timeout exceeded") == true, "\(report.nodes.first?.message ?? "")")
        #expect(ContinuousClock.now - started < .seconds(10))
        try await Task.sleep(for: .milliseconds(100))
        #expect(plugin.received.count == 5)
    }

    @Test("garbage JSON fails the node at once, without retries")
    func garbage() async throws {
        let plugin = try ScriptedPlugin([.ok("<html>oops</html>")])
        let report = try await simulate(Workflows.single(), [plugin])
        #expect(!report.succeeded)
        #expect(plugin.received.count == 1)
        #expect(report.nodes.first?.message?.contains("is not an ExecuteTemplateReply") == true)
        #expect(report.nodes.first?.message?.contains("<html>oops</html>") == true)
    }

    @Test("requeue is honoured until a terminal phase")
    func requeueTwice() async throws {
        let running = Reply.ok(#"{"node":{"phase":"Running","message":"working"},"requeue":"2s"}"#)
        let plugin = try ScriptedPlugin([running, running, .succeeded])
        let progress = Progress()
        let report = try await simulate(Workflows.single(), [plugin], progress: progress)
        #expect(report.succeeded)
        #expect(plugin.received.count == 3)
        #expect(report.nodes.first?.calls == 3)
        #expect(report.nodes.first?.message == "done")
        #expect(progress.text.contains("Running: working; requeue after 2s (waiting 20 ms)"))
    }

    @Test("Running without requeue is reported stuck: Argo would never call again")
    func stuck() async throws {
        let plugin = try ScriptedPlugin([.ok(#"{"node":{"phase":"Running"}}"#)])
        let report = try await simulate(Workflows.single(), [plugin])
        #expect(!report.succeeded)
        #expect(report.nodes.first?.stuck == true)
        #expect(report.table.contains("Running (stuck)"))
        #expect(plugin.received.count == 1)
    }

    @Test("a wrong token (403) fails at once with a hint about --token-file")
    func forbidden() async throws {
        let plugin = try ScriptedPlugin([Reply(status: 403, body: #"{"error":"forbidden"}"#)])
        let report = try await simulate(Workflows.single(), [plugin])
        #expect(!report.succeeded)
        #expect(plugin.received.count == 1)
        #expect(report.nodes.first?.message == #"403 Forbidden: {"error":"forbidden"}"#)
        #expect(report.table.contains("refused the token: check --token-file"))
    }

    @Test("an unreachable plugin is retried as a connection error, then named in a hint")
    func unreachable() async throws {
        // A bound port that never listens: refused, and no other test's listener can take it meanwhile.
        let refusing = try RefusingPort()
        let simulator = Simulator(
            plugins: [PluginEndpoint(address: refusing.url, token: "tok")], timing: Workflows.fastTiming(),
            uid: "uid-42", pluginOrder: .given, claimCheck: false)
        let report = await simulator.run(try WorkflowDocument(yaml: Workflows.single(), suffix: "abcde"))
        #expect(!report.succeeded)
        #expect(report.nodes.first?.message?.contains("connection refused") == true)
        #expect(report.table.contains("is the plugin running at \(refusing.url)?"))
    }

    @Test("Argo's backoff: 1, 2, 4, 8 s with up to 20 % jitter, scaled by --fast")
    func backoff() {
        let timing = AgentTiming()
        #expect((1...4).map { timing.backoff(afterAttempt: $0, random: 0) } == [.seconds(1), .seconds(2), .seconds(4), .seconds(8)])
        #expect(timing.backoff(afterAttempt: 1, random: 1) == .milliseconds(1200))
        var fast = timing
        fast.waitScale = 0.01
        #expect(fast.backoff(afterAttempt: 2, random: 0) == .milliseconds(20))
    }
}

typealias Reply = ScriptedPlugin.Reply
