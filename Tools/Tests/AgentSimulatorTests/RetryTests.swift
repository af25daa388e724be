import AgentSimulator
import ArgoModels
import Foundation
import Testing

@Suite("simulate: retryStrategy as Argo's retry node applies it")
struct RetryTests {
    static func workflow(_ strategy: String) -> String {
        Workflows.workflow("""
            entrypoint: main
            templates:
              - name: main
                retryStrategy: \(strategy)
                plugin: {p: {attempt: "{{retries}}"}}
            """)
    }

    @Test("limit: attempts main(0), main(1), ... until one succeeds; {{retries}} counts them")
    func succeedsOnThirdAttempt() async throws {
        let plugin = try ScriptedPlugin([.failed("no"), .failed("still no"), .succeeded])
        let report = try await Workflows.simulate(Self.workflow("{limit: 3}"), [plugin])
        #expect(report.exitCode == 0, "\(report.table)")
        #expect(plugin.received.compactMap { $0.template["plugin"]?["p"]?["attempt"]?.stringValue } == ["0", "1", "2"])
        #expect(report.nodes.map(\.name) == ["wf", "wf(0)", "wf(1)", "wf(2)"])
        #expect(report.nodes.first?.kind == .retry)
        #expect(report.nodes.first?.phase == .succeeded)
    }

    @Test("limit reached: the retry node takes the last attempt's phase with \"No more retries left\"")
    func exhausted() async throws {
        let plugin = try ScriptedPlugin([.failed("no")])
        let report = try await Workflows.simulate(Self.workflow(#"{limit: "1"}"#), [plugin])
        #expect(plugin.received.count == 2)
        #expect(report.nodes.first?.phase == .failed)
        #expect(report.nodes.first?.message == "No more retries left")
        #expect(report.exitCode == 1)
    }

    @Test("retryPolicy decides: OnError does not retry a Failed node, OnFailure does not retry an Error, Always retries both")
    func policies() async throws {
        for (policy, reply, calls) in [("OnError", Reply.failed("f"), 1), ("OnFailure", .errored("e"), 1), ("Always", .errored("e"), 3),
            ("OnError", .errored("e"), 3), ("OnTransientError", .errored("dial tcp: connect: connection refused"), 3),
            ("OnTransientError", .errored("permission denied"), 1)]
        {
            let plugin = try ScriptedPlugin([reply])
            let report = try await Workflows.simulate(Self.workflow("{limit: 2, retryPolicy: \(policy)}"), [plugin])
            #expect(plugin.received.count == calls, "\(policy) on \(reply.body)")
            #expect(report.exitCode == 1)
        }
    }

    @Test("backoff: duration × factor^(attempt-1) between attempts (scaled by --fast), capped by maxDuration")
    func backoff() async throws {
        let plugin = try ScriptedPlugin([.failed("no")])
        var timing = Workflows.fastTiming()
        timing.patchRate = .zero
        let started = ContinuousClock.now
        let report = try await Workflows.simulate(
            Self.workflow("{limit: 2, backoff: {duration: 10s, factor: 2}}"), [plugin], timing: timing)
        // 10 s and 20 s, a hundred times shorter: at least 0.3 s in all.
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(plugin.received.count == 3)
        #expect(report.nodes.first?.message == "No more retries left")
        // Waits of 300 ms, then 3 s, within 2 s in all: the second attempt's backoff would end too late. (Wide
        // margins: a loaded machine once made the first attempt take long enough to break tighter ones.)
        let capped = try ScriptedPlugin([.failed("no")])
        let short = try await Workflows.simulate(
            Self.workflow("{limit: 5, backoff: {duration: 30s, factor: 10, maxDuration: 200s}}"), [capped],
            timing: timing)
        #expect(capped.received.count == 2)
        #expect(short.nodes.first?.message == "Backoff would exceed max duration limit")
    }

    @Test("expression: retried only while it holds, with lastRetry.status in scope")
    func expression() async throws {
        let plugin = try ScriptedPlugin([.errored("e"), .failed("f")])
        let report = try await Workflows.simulate(
            Self.workflow(#"{limit: 5, expression: "lastRetry.status == 'Error'"}"#), [plugin])
        #expect(plugin.received.count == 2)
        #expect(report.nodes.first?.message == "retryStrategy.expression evaluated to false")
    }
}
