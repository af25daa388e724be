import AgentSimulator
import ArgoModels
import Foundation
import Testing

@Suite("simulate: templateRef into --templates, and Argo's submit-time validation of references")
struct TemplateRefAndValidationTests {
    static let library = """
        apiVersion: argoproj.io/v1alpha1
        kind: WorkflowTemplate
        metadata: {name: notifications}
        spec:
          templates:
            - name: send
              inputs: {parameters: [{name: text}]}
              steps: [[{name: post, template: post, arguments: {parameters: [{name: text, value: "{{inputs.parameters.text}}"}]}}]]
            - name: post
              inputs: {parameters: [{name: text}]}
              outputs: {parameters: [{name: id, valueFrom: {supplied: {}}}]}
              plugin: {slack: {text: "{{inputs.parameters.text}}"}}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: ClusterWorkflowTemplate
        metadata: {name: shared}
        spec:
          templates:
            - name: ping
              plugin: {ping: {}}
        """

    static let workflow = Workflows.workflow("""
        entrypoint: main
        templates:
          - name: main
            steps:
              - - name: notify
                  templateRef: {name: notifications, template: send}
                  arguments: {parameters: [{name: text, value: "hi from {{workflow.name}}"}]}
                - name: ping
                  templateRef: {name: shared, template: ping, clusterScope: true}
        """)

    @Test("templateRef runs the WorkflowTemplate's template, whose own template references resolve inside it")
    func templateRef() async throws {
        let plugin = try ScriptedPlugin([.succeeded])
        let report = try await Workflows.simulate(Self.workflow, [plugin], templates: try TemplateLibrary(yaml: [Self.library]))
        #expect(report.exitCode == 0, "\(report.table)")
        let texts = plugin.received.compactMap { $0.template["plugin"]?["slack"]?["text"]?.stringValue }
        #expect(texts == ["hi from wf"])
        #expect(plugin.received.contains { $0.template["name"] == "ping" })
        #expect(report.nodes.map(\.name).contains("wf[0].notify[0].post"))
    }

    @Test("spec.workflowTemplateRef runs the WorkflowTemplate's spec, the workflow's arguments overriding its own")
    func workflowTemplateRef() async throws {
        let library = """
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            metadata: {name: greeting}
            spec:
              entrypoint: greet
              arguments: {parameters: [{name: who, value: nobody}, {name: how, value: hello}]}
              templates:
                - name: greet
                  plugin: {p: {text: "{{workflow.parameters.how}} {{workflow.parameters.who}}"}}
            """
        let yaml = Workflows.workflow("""
            workflowTemplateRef: {name: greeting}
            arguments: {parameters: [{name: who, value: Ada}]}
            """)
        let plugin = try ScriptedPlugin([.succeeded])
        let report = try await Workflows.simulate(yaml, [plugin], templates: try TemplateLibrary(yaml: [library]))
        #expect(report.exitCode == 0, "\(report.table)")
        #expect(plugin.received.first?.template["plugin"]?["p"]?["text"] == "hello Ada")
        let missing = try await Workflows.simulate(yaml, [plugin])
        #expect(missing.exitCode == 2)
        #expect(missing.table.contains("spec.workflowTemplateRef names WorkflowTemplate 'greeting', which was not given"))
    }

    @Test("a templateRef to a template not given with --templates is named and makes the run partial")
    func templateRefNotGiven() async throws {
        let plugin = try ScriptedPlugin([.succeeded])
        let report = try await Workflows.simulate(Self.workflow, [plugin])
        #expect(report.exitCode == 3)
        #expect(plugin.received.isEmpty)
        #expect(report.table.contains("not evaluated: wf[0].notify: WorkflowTemplate notifications was not given with --templates"))
    }

    @Test("a reference to an output parameter the template does not declare is rejected before any call, in Argo's words",
        arguments: [
            ("steps", "templates.main.steps failed to resolve {{steps.make.outputs.parameters.nope}}"),
            ("dag", "templates.main.tasks.use failed to resolve {{tasks.make.outputs.parameters.nope}}"),
        ])
    func undeclaredOutput(kind: String, message: String) async throws {
        let main = kind == "steps"
            ? """
              - name: main
                steps:
                  - - {name: make, template: make}
                  - - {name: use, template: use, arguments: {parameters: [{name: v, value: "{{steps.make.outputs.parameters.nope}}"}]}}
            """
            : """
              - name: main
                dag:
                  tasks:
                    - {name: make, template: make}
                    - {name: use, template: use, depends: make, arguments: {parameters: [{name: v, value: "{{tasks.make.outputs.parameters.nope}}"}]}}
            """
        let yaml = Workflows.workflow("""
            entrypoint: main
            templates:
            \(main)
              - name: make
                outputs: {parameters: [{name: id, valueFrom: {supplied: {}}}]}
                plugin: {p: {}}
              - name: use
                inputs: {parameters: [{name: v}]}
                plugin: {p: {v: "{{inputs.parameters.v}}"}}
            """)
        let plugin = try ScriptedPlugin([.succeeded])
        let report = try await Workflows.simulate(yaml, [plugin])
        #expect(report.verdict == .rejected("Argo's validation would reject it at submit: \(message)"), "\(report.table)")
        #expect(report.exitCode == 2)
        #expect(plugin.received.isEmpty)
        let declared = try await Workflows.simulate(yaml.replacingOccurrences(of: "parameters.nope", with: "parameters.id"),
            [try ScriptedPlugin([.outputs(["id": "7"])])])
        #expect(declared.exitCode == 0, "\(declared.table)")
    }

    @Test("an output the plugin declares but does not return leaves its consumer waiting for ever, as Argo would")
    func missingOutputHangs() async throws {
        let yaml = Workflows.workflow("""
            entrypoint: main
            templates:
              - name: main
                steps:
                  - - {name: make, template: make}
                  - - {name: use, template: use, arguments: {parameters: [{name: v, value: "{{steps.make.outputs.parameters.id}}"}]}}
              - name: make
                outputs: {parameters: [{name: id, valueFrom: {supplied: {}}}]}
                plugin: {p: {}}
              - name: use
                inputs: {parameters: [{name: v}]}
                plugin: {p: {}}
            """)
        let plugin = try ScriptedPlugin([.succeeded])
        let report = try await Workflows.simulate(yaml, [plugin])
        #expect(report.exitCode == 1)
        guard case .hangs(let reason) = report.verdict else {
            Issue.record("expected a hang, got \(report.verdict)")
            return
        }
        #expect(reason.contains("{{steps.make.outputs.parameters.id}} never resolves"))
        #expect(plugin.received.count == 1)
    }
}
