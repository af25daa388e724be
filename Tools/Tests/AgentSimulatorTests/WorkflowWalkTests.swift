import AgentSimulator
import Foundation
import ArgoModels
import Testing

@Suite("simulate: walks steps and dags with Argo's substitution")
struct WorkflowWalkTests {
    func simulate(_ yaml: String, _ plugin: ScriptedPlugin, parameters: [String: String] = [:]) async throws
        -> SimulationReport
    {
        let simulator = Simulator(
            plugins: [PluginEndpoint(address: plugin.url, token: "t")], timing: Workflows.fastTiming(),
            parameters: parameters, uid: "u")
        return await simulator.run(try WorkflowDocument(yaml: yaml, suffix: "xyz12"))
    }

    func templates(_ plugin: ScriptedPlugin) throws -> [JSONValue] {
        try plugin.received.map { try JSONDecoder().decode(JSONValue.self, from: Data($0.body.utf8))["template"] ?? nil }
    }

    static let pipeline = """
        apiVersion: argoproj.io/v1alpha1
        kind: WorkflowTemplate
        metadata: {name: pipeline}
        spec:
          entrypoint: main
          arguments:
            parameters: [{name: who, value: world}, {name: count, value: 3}]
          templates:
            - name: main
              steps:
                - - name: greet
                    template: say
                    arguments: {parameters: [{name: text, value: "hello {{workflow.parameters.who}}"}]}
                - - name: build
                    template: compile
                - - name: fan
                    template: flow
                    arguments: {parameters: [{name: from, value: "{{steps.greet.outputs.parameters.echo}}"}]}
            - name: say
              inputs: {parameters: [{name: text}, {name: level, default: info}]}
              outputs: {parameters: [{name: echo, valueFrom: {supplied: {}}}]}
              plugin:
                notify: {text: "{{inputs.parameters.text}} ({{inputs.parameters.level}}) in {{workflow.name}} x{{workflow.parameters.count}}"}
            - name: compile
              container: {image: swift:6.3}
            - name: flow
              inputs: {parameters: [{name: from}]}
              dag:
                tasks:
                  - {name: b, template: say, dependencies: [a], arguments: {parameters: [{name: text, value: "{{tasks.a.outputs.parameters.echo}}"}]}}
                  - {name: a, template: say, arguments: {parameters: [{name: text, value: "{{inputs.parameters.from}}!"}]}}
                  - name: each
                    template: say
                    depends: "a && b"
                    withItems: [x, y]
                    arguments: {parameters: [{name: text, value: "item {{item}}"}]}
        """

    @Test("steps and dag tasks run in dependency order with arguments, defaults and outputs substituted")
    func pipeline() async throws {
        // Echoes the text it was sent as the output parameter `echo`.
        let plugin = try ScriptedPlugin([
            .ok(#"{"node":{"phase":"Succeeded","outputs":{"parameters":[{"name":"echo","value":"E1"}]}}}"#),
            .ok(#"{"node":{"phase":"Succeeded","outputs":{"parameters":[{"name":"echo","value":"E2"}]}}}"#),
            .ok(#"{"node":{"phase":"Succeeded","outputs":{"parameters":[{"name":"echo","value":"E3"}]}}}"#),
            .succeeded,
        ])
        let report = try await simulate(Self.pipeline, plugin, parameters: ["who": "Ada"])
        #expect(report.succeeded, "\(report.table)")
        #expect(
            report.nodes.map(\.name) == [
                "pipeline-xyz12", "pipeline-xyz12[0].greet", "pipeline-xyz12[1].build", "pipeline-xyz12[2].fan",
                "pipeline-xyz12[2].fan.a", "pipeline-xyz12[2].fan.b", "pipeline-xyz12[2].fan.each",
                "pipeline-xyz12[2].fan.each(0:x)", "pipeline-xyz12[2].fan.each(1:y)",
            ])
        let texts = try templates(plugin).map { $0["plugin"]?["notify"]?["text"]?.stringValue ?? "" }
        #expect(
            Array(texts.prefix(3)) == [
                "hello Ada (info) in pipeline-xyz12 x3", "E1! (info) in pipeline-xyz12 x3", "E2 (info) in pipeline-xyz12 x3",
            ])
        // The two items run at once, in either order.
        #expect(Set(texts.dropFirst(3)) == ["item x (info) in pipeline-xyz12 x3", "item y (info) in pipeline-xyz12 x3"])
        let first = try #require(try templates(plugin).first)
        #expect(first["inputs"]?["parameters"] == [["name": "text", "value": "hello Ada"], ["name": "level", "default": "info", "value": "info"]])
        #expect(report.nodes[2].kind == .notSimulated)
        #expect(report.table.contains("(not run)"))
    }

    @Test("a failed step stops the next groups; a failed dag task omits its dependents")
    func failures() async throws {
        let yaml = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {generateName: f-}
            spec:
              entrypoint: main
              templates:
                - name: main
                  dag:
                    tasks:
                      - {name: a, template: p}
                      - {name: b, template: p, dependencies: [a]}
                      - {name: c, template: s}
                - name: s
                  steps: [[{name: one, template: p}], [{name: two, template: p}]]
                - name: p
                  plugin: {x: {}}
            """
        let plugin = try ScriptedPlugin([.ok(#"{"node":{"phase":"Failed","message":"boom"}}"#)])
        let report = try await simulate(yaml, plugin)
        #expect(!report.succeeded)
        // a and c start together; b is omitted once a has failed, so it is created last.
        #expect(report.nodes.map(\.name) == ["f-xyz12", "f-xyz12.a", "f-xyz12.c", "f-xyz12.c[0].one", "f-xyz12.b"])
        #expect(report.nodes.map(\.phase) == [.failed, .failed, .failed, .failed, .omitted])
        #expect(plugin.received.count == 2)
    }

    @Test("a missing input parameter is rejected at submit, as Argo's validation does; unknown placeholders are reported")
    func missingInput() async throws {
        let yaml = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: m}
            spec:
              entrypoint: main
              templates:
                - name: main
                  steps: [[{name: a, template: p}], [{name: b, template: q}]]
                - name: p
                  inputs: {parameters: [{name: needed}]}
                  plugin: {x: {}}
                - name: q
                  plugin: {x: {pod: "{{pod.name}}"}}
            """
        let plugin = try ScriptedPlugin([.succeeded])
        let report = try await simulate(yaml, plugin)
        #expect(report.verdict == .rejected(
            "Argo's validation would reject it at submit: templates.main.steps[0].a templates.p inputs.parameters.needed was not supplied"))
        #expect(report.exitCode == 2)
        #expect(plugin.received.isEmpty)
        // Argo validates every template, not only those reached from the entrypoint.
        let unreached = try await simulate(yaml.replacingOccurrences(of: "entrypoint: main", with: "entrypoint: q"), plugin)
        #expect(unreached.exitCode == 2)
        let fixed = yaml.replacingOccurrences(of: "template: p}]", with: "template: p, arguments: {parameters: [{name: needed, value: v}]}}]")
        let other = try await simulate(fixed.replacingOccurrences(of: "entrypoint: main", with: "entrypoint: q"), plugin)
        #expect(other.unresolved == ["pod.name"])
        #expect(other.table.contains("not evaluated: {{pod.name}} was not substituted"))
        #expect(other.exitCode == 3)
    }

    @Test("unusable workflow files are refused with a clear reason", arguments: [
        ("kind: Workflow\nspec: [unclosed", "not valid YAML"),
        ("kind: ConfigMap\ndata: {}", "no Workflow, WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow in the file (found: ConfigMap)"),
        ("kind: Workflow\nspec: {templates: [{name: a}]}", "spec.entrypoint is missing"),
        ("kind: Workflow\nspec: {entrypoint: b, templates: [{name: a}]}", "the entrypoint 'b' names no template (templates: a)"),
    ])
    func badDocuments(yaml: String, reason: String) {
        #expect {
            try WorkflowDocument(yaml: yaml)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    @Test("a CronWorkflow's workflowSpec is simulated; names follow generateName")
    func cron() throws {
        let document = try WorkflowDocument(
            yaml: "kind: CronWorkflow\nmetadata: {name: nightly}\nspec: {workflowSpec: {entrypoint: a, templates: [{name: a, plugin: {x: {}}}]}}",
            suffix: "q1w2e")
        #expect(document.name == "nightly-q1w2e")
        #expect(document.entrypoint == "a")
    }
}
