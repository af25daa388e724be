import AgentSimulator
import ArgoModels
import Foundation
import Synchronization
import Testing

@Suite("simulate: the exit handler and lifecycle hooks run as Argo runs them")
struct HookTests {
    /// Fails `bad`, records the rest.
    static func plugin() throws -> ScriptedPlugin {
        try ScriptedPlugin { request in request.template["name"] == "bad" ? .failed("boom") : .succeeded }
    }

    static func calls(_ plugin: ScriptedPlugin, _ template: String) -> [ScriptedPlugin.Received] {
        plugin.received.filter { $0.template["name"]?.stringValue == template }
    }

    @Test("onExit runs after the workflow with {{workflow.status}}; a failing exit handler fails a successful workflow")
    func onExit() async throws {
        let yaml = Workflows.workflow("""
            entrypoint: main
            onExit: notify
            templates:
              - name: main
                plugin: {p: {}}
              - name: bad
                plugin: {p: {}}
              - name: notify
                plugin: {slack: {text: "workflow {{workflow.name}} ended {{workflow.status}}"}}
            """)
        let plugin = try Self.plugin()
        let report = try await Workflows.simulate(yaml, [plugin])
        #expect(report.exitCode == 0, "\(report.table)")
        #expect(Self.calls(plugin, "notify").first?.template["plugin"]?["slack"]?["text"] == "workflow wf ended Succeeded")
        #expect(report.nodes.map(\.name) == ["wf", "wf.onExit"])
        let failing = try Self.plugin()
        let failed = try await Workflows.simulate(yaml.replacingOccurrences(of: "entrypoint: main", with: "entrypoint: bad"), [failing])
        #expect(Self.calls(failing, "notify").first?.template["plugin"]?["slack"]?["text"] == "workflow wf ended Failed")
        #expect(failed.exitCode == 1)
        let badExit = try Self.plugin()
        let exitFails = try await Workflows.simulate(yaml.replacingOccurrences(of: "onExit: notify", with: "onExit: bad"), [badExit])
        #expect(exitFails.verdict == .failed(phase: "Failed", message: "boom"))
    }

    @Test("spec.hooks: exit is the exit handler; an expression hook runs once when its expression holds")
    func workflowHooks() async throws {
        let yaml = Workflows.workflow("""
            entrypoint: main
            hooks:
              exit: {template: notify, arguments: {parameters: [{name: status, value: "{{workflow.status}}"}]}}
              started: {template: notify, expression: workflow.status == "Running", arguments: {parameters: [{name: status, value: started}]}}
              failed: {template: notify, expression: workflow.status == "Failed", arguments: {parameters: [{name: status, value: failed}]}}
            templates:
              - name: main
                steps: [[{name: a, template: work}]]
              - name: work
                plugin: {p: {}}
              - name: notify
                inputs: {parameters: [{name: status}]}
                plugin: {notify: {status: "{{inputs.parameters.status}}"}}
            """)
        let plugin = try Self.plugin()
        let report = try await Workflows.simulate(yaml, [plugin])
        #expect(report.exitCode == 0, "\(report.table)")
        let statuses = Self.calls(plugin, "notify").compactMap { $0.template["plugin"]?["notify"]?["status"]?.stringValue }
        #expect(statuses.sorted() == ["Succeeded", "started"])
        #expect(report.nodes.map(\.name).contains("wf.hooks.started"))
        #expect(report.nodes.map(\.name).contains("wf.onExit"))
        #expect(!report.nodes.map(\.name).contains("wf.hooks.failed"))
    }

    @Test("a step's exit hook runs after it with its status and outputs; an expression hook sees steps.<name>.status")
    func stepHooks() async throws {
        let yaml = Workflows.workflow("""
            entrypoint: main
            templates:
              - name: main
                steps:
                  - - name: a
                      template: bad
                      continueOn: {failed: true}
                      hooks:
                        exit: {template: report, arguments: {parameters: [{name: what, value: "exit {{steps.a.status}}"}]}}
                        on-failure: {template: report, expression: steps.a.status == "Failed", arguments: {parameters: [{name: what, value: alarm}]}}
                        on-success: {template: report, expression: steps.a.status == "Succeeded", arguments: {parameters: [{name: what, value: yay}]}}
              - name: bad
                plugin: {p: {}}
              - name: report
                inputs: {parameters: [{name: what}]}
                plugin: {report: {what: "{{inputs.parameters.what}}"}}
            """)
        let plugin = try Self.plugin()
        let report = try await Workflows.simulate(yaml, [plugin])
        #expect(report.exitCode == 0, "\(report.table)")
        let reported = Self.calls(plugin, "report").compactMap { $0.template["plugin"]?["report"]?["what"]?.stringValue }
        #expect(reported.sorted() == ["alarm", "exit Failed"])
        #expect(report.nodes.map(\.name).contains("wf[0].a.onExit"))
        #expect(report.nodes.map(\.name).contains("wf[0].a.hooks.on-failure"))
    }

    @Test("a DAG task's exit hook runs when the task completes, before its dependents")
    func taskExitHook() async throws {
        let yaml = Workflows.workflow("""
            entrypoint: main
            templates:
              - name: main
                dag:
                  tasks:
                    - {name: first, template: work, hooks: {exit: {template: cleanup}}}
                    - {name: second, template: work, depends: first}
              - name: work
                plugin: {p: {}}
              - name: cleanup
                plugin: {p: {}}
            """)
        let plugin = try Self.plugin()
        let report = try await Workflows.simulate(yaml, [plugin])
        #expect(report.exitCode == 0, "\(report.table)")
        #expect(plugin.received.compactMap { $0.template["name"]?.stringValue } == ["work", "cleanup", "work"])
        #expect(report.nodes.map(\.name).contains("wf.first.onExit"))
    }

    @Test("an expression hook sees the Running phase a plugin reports with a requeue, as the controller sees it at the tick")
    func runningHook() async throws {
        let yaml = Workflows.workflow("""
            entrypoint: main
            templates:
              - name: main
                steps:
                  - - name: a
                      template: long
                      hooks:
                        running: {template: report, expression: steps.a.status == "Running"}
              - name: long
                plugin: {p: {}}
              - name: report
                plugin: {report: {}}
            """)
        let longCalls = Mutex(0)
        let plugin = try ScriptedPlugin { request in
            guard request.template["name"] == "long" else { return .succeeded }
            let call = longCalls.withLock { count in
                count += 1
                return count
            }
            return call < 3 ? .ok(#"{"node":{"phase":"Running"},"requeue":"1s"}"#) : .succeeded
        }
        let report = try await Workflows.simulate(yaml, [plugin])
        #expect(report.exitCode == 0, "\(report.table)")
        #expect(plugin.received.filter { $0.template["name"] == "report" }.count == 1)
        #expect(plugin.received.filter { $0.template["name"] == "long" }.count == 3)
        #expect(report.nodes.map(\.name).contains("wf[0].a.hooks.running"))
    }
}
