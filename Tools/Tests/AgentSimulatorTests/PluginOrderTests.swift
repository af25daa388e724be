@testable import AgentSimulator
import ArgoModels
import Foundation
import Testing

@Suite("simulate: the agent's plugin order is random per pod, seeded, printed and replayable")
struct PluginOrderTests {
    @Test("a seed always gives the same order; different seeds give different orders; every plugin appears once")
    func seeded() {
        let names = ["a", "b", "c", "d", "e"]
        #expect(PluginOrder.random(seed: 7).arrange(names) == PluginOrder.random(seed: 7).arrange(names))
        let orders = Set((0..<20).map { PluginOrder.random(seed: UInt64($0)).arrange(names) })
        #expect(orders.count > 5)
        #expect(orders.allSatisfy { $0.sorted() == names })
        #expect(PluginOrder.given.arrange(names) == names)
    }

    @Test("the order is printed with its seed, and --seed replays which plugin is asked first")
    func replay() async throws {
        let plugins = try (0..<3).map { _ in try ScriptedPlugin([.succeeded]) }
        let seed = try #require((0..<50).map(UInt64.init).first { PluginOrder.random(seed: $0).arrange([0, 1, 2]).first == 2 })
        for _ in 0..<2 {
            let progress = Progress()
            let report = try await Workflows.simulate(
                Workflows.single(), plugins, order: .random(seed: seed), progress: progress)
            #expect(report.nodes.first?.plugin == plugins[2].url)
            let order = PluginOrder.random(seed: seed).arrange(plugins.map(\.url)).joined(separator: ", ")
            #expect(progress.text.contains("plugin order (seed \(seed)): \(order)"))
        }
        #expect(plugins[2].received.count == 2)
        #expect(plugins[0].received.isEmpty && plugins[1].received.isEmpty)
    }

    @Test("a workflow that declares spec.executorPlugins keeps the given order, as Argo does")
    func declared() async throws {
        let plugins = try (0..<2).map { _ in try ScriptedPlugin([.succeeded]) }
        let yaml = Workflows.single().replacingOccurrences(
            of: "  entrypoint: main", with: "  executorPlugins: [{metadata: {name: x}}]\n  entrypoint: main")
        let progress = Progress()
        let report = try await Workflows.simulate(yaml, plugins, order: .random(seed: 1), progress: progress)
        #expect(report.nodes.first?.plugin == plugins[0].url)
        #expect(progress.text.contains("plugin order (declared by spec.executorPlugins)"))
    }

    @Test("two plugins that both return a node for one template are warned about, once per template")
    func duplicateClaim() async throws {
        let first = try ScriptedPlugin([.succeeded])
        let second = try ScriptedPlugin([.succeeded])
        let yaml = Workflows.workflow("""
            entrypoint: main
            templates:
              - name: main
                steps: [[{name: a, template: p}, {name: b, template: p}]]
              - name: p
                plugin: {p: {}}
            """)
        let report = try await Workflows.simulate(yaml, [first, second], claimCheck: true)
        #expect(report.warnings == [
            "plugins \(first.url) and \(second.url) both answer template p (node wf[0].a): Argo uses whichever comes "
                + "first in the agent pod's random order",
        ] || report.warnings == [
            "plugins \(first.url) and \(second.url) both answer template p (node wf[0].b): Argo uses whichever comes "
                + "first in the agent pod's random order",
        ])
        #expect(first.received.count == 2)
        #expect(second.received.count == 1)
        #expect(report.table.contains("warning: plugins \(first.url) and \(second.url) both answer template p"))
        let polite = try ScriptedPlugin([.notMine])
        let quiet = try await Workflows.simulate(yaml, [try ScriptedPlugin([.succeeded]), polite], claimCheck: true)
        #expect(quiet.warnings.isEmpty)
        #expect(polite.received.count == 1)
    }
}
