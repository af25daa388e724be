import AgentSimulator
import ArgoModels
import Foundation

/// Workflow YAML used by the simulator tests.
enum Workflows {
    /// One plugin template as the entrypoint.
    static func single(plugin: String = "hello", config: String = "{}") -> String {
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          generateName: sim-
          namespace: ci
        spec:
          entrypoint: main
          templates:
            - name: main
              plugin:
                \(plugin): \(config)
        """
    }

    /// A Workflow named `wf` with `spec` (indented YAML lines after `spec:`).
    static func workflow(_ spec: String) -> String {
        "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: wf}\nspec:\n"
            + spec.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    /// Agent timing for tests: real backoff shape, 100× faster (the 10 s report tick becomes 100 ms), short timeout.
    static func fastTiming(timeout: Swift.Duration = .seconds(5)) -> AgentTiming {
        var timing = AgentTiming()
        timing.waitScale = 0.01
        timing.callTimeout = timeout
        return timing
    }

    /// Simulates `yaml` against `plugins` (in the given order unless `order` says otherwise).
    static func simulate(
        _ yaml: String, _ plugins: [ScriptedPlugin], timing: AgentTiming = fastTiming(), order: PluginOrder = .given,
        claimCheck: Bool = false, templates: TemplateLibrary = TemplateLibrary(), progress: Progress = Progress()
    ) async throws -> SimulationReport {
        let simulator = Simulator(
            plugins: plugins.map { PluginEndpoint(address: $0.url, token: "t") }, timing: timing, uid: "u",
            pluginOrder: order, claimCheck: claimCheck, templates: templates)
        return await simulator.run(try WorkflowDocument(yaml: yaml, suffix: "xyz12"), progress: progress.sink)
    }
}

extension ScriptedPlugin.Reply {
    /// `Succeeded` with output parameters and, optionally, a result.
    static func outputs(_ parameters: [String: String], result: String? = nil) -> Self {
        var outputs: [String: JSONValue] = [:]
        if !parameters.isEmpty {
            outputs["parameters"] = .array(parameters.keys.sorted().map { ["name": .string($0), "value": .string(parameters[$0]!)] })
        }
        if let result { outputs["result"] = .string(result) }
        return .node(["phase": "Succeeded", "outputs": .object(outputs)])
    }

    static func failed(_ message: String) -> Self { .node(["phase": "Failed", "message": .string(message)]) }
    static func errored(_ message: String) -> Self { .node(["phase": "Error", "message": .string(message)]) }

    static func node(_ node: JSONValue) -> Self { .ok(compactJSONText(["node": node])) }
}

/// `value` as compact JSON.
func compactJSONText(_ value: JSONValue) -> String {
    String(decoding: (try? JSONEncoder().encode(value)) ?? Data(), as: UTF8.self)
}
