import PluginSDK
import Testing
@testable import PluginSDKTesting

@Suite("PluginConformance")
struct ConformanceTests {
    /// The failed checks' names, for compact assertions.
    func failures(_ run: () async throws -> ConformanceReport) async -> [String] {
        do {
            _ = try await run()
            return []
        } catch let failure as ConformanceFailure {
            return failure.report.failures.map(\.name)
        } catch {
            return ["unexpected error: \(error)"]
        }
    }

    @Test("a well-behaved template plugin passes on both transports")
    func passes() async throws {
        let report = try await PluginConformance.check(
            Echo(),
            samples: [
                .fixture(plugin: "echo", inputs: ["x": "1"]), .fixture(plugin: "echo", config: ["mode": "fail"]),
                .fixture(plugin: "echo", config: ["mode": "running"]),
            ])
        #expect(report.passed)
        #expect(Set(report.checks.map(\.transport)) == [.inProcess, .live])
        #expect(report.checks.count > 40)
    }

    @Test("a plugin that claims foreign templates fails the {} check")
    func greedy() async {
        let failed = await failures { try await PluginConformance.check(Greedy(), transports: [.inProcess]) }
        #expect(failed == ["a template for another plugin gets {} (no node, no requeue)"])
    }

    @Test("replies that break the contract are named", arguments: [
        (NodeResult(phase: .failed), "without a message"),
        (
            NodeResult(phase: NodePhase(rawValue: "Bogus"), message: "x"),
            #"in place of the handler's reply: the plugin replied with an unknown phase "Bogus""#
        ),
        (
            NodeResult(message: "no phase"),
            "in place of the handler's reply: the plugin replied with a node without a phase"
        ),
    ])
    func badReplies(node: NodeResult, problem: String) async {
        do {
            try await PluginConformance.check(
                Scripted(node: node), sample: .fixture(plugin: "scripted"), transports: [.inProcess])
            Issue.record("expected a conformance failure")
        } catch let failure as ConformanceFailure {
            #expect(failure.report.failures.count == 1)
            #expect(failure.description.contains(problem))
            #expect(failure.description.contains("sample 1 (template main)"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("a plugin that answers {} for its own sample fails")
    func silent() async {
        let failed = await failures {
            try await PluginConformance.check(Scripted(node: nil), sample: .fixture(plugin: "scripted"), transports: [.live])
        }
        #expect(failed == ["sample 1 (template main) is answered 200 with a valid ExecuteTemplateReply"])
    }

    @Test("a served hook that fails is reported; the other served hook and the 404s of unserved methods pass")
    func grumpy() async throws {
        let failed = await failures { try await PluginConformance.check(Grumpy(), transports: [.inProcess]) }
        #expect(failed == ["node.preExecute answers its fixture with 200 and a reply of its model"])
        let failure = await #expect(throws: ConformanceFailure.self) {
            try await PluginConformance.check(Grumpy(), transports: [.inProcess])
        }
        let passed = try #require(failure).report.checks.filter(\.passed).map(\.name)
        #expect(passed.contains("parameters.add answers its fixture with 200 and a reply of its model"))
        let unserved = PluginMethod.allCases.filter { ![.parametersAdd, .nodePreExecute].contains($0) }
        #expect(unserved.count == 6)
        for method in unserved {
            #expect(passed.contains("unserved method \(method) answers 404 (Argo then stops calling it)"))
        }
    }

    @Test("a plugin that adopts no handler protocol is refused on both transports, as the server refuses it")
    func idle() async {
        for transport in PluginTestClient.Transport.allCases {
            let error = await #expect(throws: ConfigurationError.self) {
                try await PluginConformance.check(Idle(), transports: [transport])
            }
            #expect(error?.description.contains("Idle serves no method") == true)
        }
    }

    @Test("a server that ignores the token and the path fails the auth and routing checks")
    func lenientServer() async {
        // Stands in for a hand-written plugin: everything answers 200 {"node":{"phase":"Succeeded"}}.
        let client = PluginTestClient(
            transport: .live, token: "Tok", port: nil,
            send: { _ in PluginCallResult(status: 200, body: Array(#"{"node":{"phase":"Succeeded"}}"#.utf8)) },
            shutdown: {})
        let run = ConformanceRun(
            client: client, methods: [.templateExecute], samples: [.fixture(plugin: "x")], hooksWithoutToken: false)
        var report = ConformanceReport()
        await run.all(into: &report)
        let failed = report.failures.map(\.name)
        #expect(failed.contains("a call without Authorization is refused with 403 (template.execute)"))
        #expect(failed.contains("the token in another letter case is refused with 403 (template.execute)"))
        #expect(failed.contains("unserved method node.preExecute answers 404 (Argo then stops calling it)"))
        #expect(failed.contains("a template for another plugin gets {} (no node, no requeue)"))
        #expect(failed.contains("invalid UTF-8 to template.execute is answered 4xx"))
        #expect(!failed.contains("sample 1 (template main) is answered 200 with a valid ExecuteTemplateReply"))
        #expect(!failed.contains("the exact token is accepted (template.execute)"))
        let failure = ConformanceFailure(report: report)
        #expect(failure.description.contains("expected 403, got 200"))
    }

    @Test("a dead server fails the liveness check with the transport error")
    func deadServer() async {
        struct Down: Error, CustomStringConvertible { var description: String { "connection refused" } }
        let client = PluginTestClient(
            transport: .live, token: "Tok", port: nil, send: { _ in throw Down() }, shutdown: {})
        let run = ConformanceRun(client: client, methods: [.templateExecute], samples: [], hooksWithoutToken: false)
        var report = ConformanceReport()
        await run.aliveCheck(into: &report)
        #expect(report.failures.first?.detail == "template.execute: no reply: connection refused")
    }

    @Test("notes say when the SDK corrects a handler's requeue")
    func notes() async throws {
        let report = try await PluginConformance.check(
            Scripted(node: NodeResult(phase: .running, message: "w")), sample: .fixture(plugin: "scripted"),
            transports: [.inProcess])
        #expect(report.notes == ["template main: the handler returned Running without a requeue; the SDK adds the default"])
    }
}
