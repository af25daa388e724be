import AgentSimulator
import ArgoModels
import Foundation
import Testing

@Suite("simulate: the agent runs a group's nodes together, with its workers and report tick")
struct ConcurrencyTests {
    static let fourInOneGroup = Workflows.workflow("""
        entrypoint: main
        templates:
          - name: main
            steps:
              - - {name: a, template: slow}
                - {name: b, template: slow}
                - {name: c, template: slow}
                - {name: d, template: slow}
          - name: slow
            plugin: {slow: {}}
        """)

    @Test("a step group of four 1.5 s calls runs at once: the plugin sees 4 at a time, well under 6 s")
    func fourTogether() async throws {
        let plugin = try ScriptedPlugin([Reply(status: 200, body: #"{"node":{"phase":"Succeeded"}}"#, delay: .milliseconds(1500))])
        let started = ContinuousClock.now
        let report = try await Workflows.simulate(Self.fourInOneGroup, [plugin])
        let elapsed = ContinuousClock.now - started
        #expect(report.succeeded, "\(report.table)")
        #expect(plugin.received.count == 4)
        #expect(plugin.peakConcurrency == 4)
        #expect(report.peakConcurrency == 4)
        #expect(elapsed < .milliseconds(4500), "took \(elapsed)")
    }

    @Test("--workers 2 caps the agent at two calls at a time, as ARGO_AGENT_TASK_WORKERS does")
    func twoWorkers() async throws {
        let plugin = try ScriptedPlugin([Reply(status: 200, body: #"{"node":{"phase":"Succeeded"}}"#, delay: .milliseconds(300))])
        var timing = Workflows.fastTiming()
        timing.workers = 2
        let report = try await Workflows.simulate(Self.fourInOneGroup, [plugin], timing: timing)
        #expect(report.succeeded)
        #expect(plugin.peakConcurrency == 2)
        #expect(report.peakConcurrency == 2)
    }

    @Test("results reach the controller on the agent's report tick: the next group starts at the tick, not before")
    func reportTick() async throws {
        let yaml = Workflows.workflow("""
            entrypoint: main
            templates:
              - name: main
                steps:
                  - - {name: first, template: p}
                  - - {name: second, template: p}
              - name: p
                plugin: {p: {}}
            """)
        let plugin = try ScriptedPlugin([.succeeded])
        var timing = Workflows.fastTiming()
        timing.waitScale = 1
        timing.patchRate = .milliseconds(800)
        let started = Date()
        let report = try await Workflows.simulate(yaml, [plugin], timing: timing)
        #expect(report.succeeded)
        let arrivals = plugin.arrivals.map { $0.timeIntervalSince(started) }
        #expect(arrivals.count == 2)
        // The first call answers at once; its result waits for the tick at 0.8 s; only then is the second called.
        #expect(arrivals[1] >= 0.75, "second call at \(arrivals)")
    }
}
