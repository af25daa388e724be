import AgentSimulator
import ArgoModels
import Foundation
import Testing

@Suite("simulate: when, loops, continueOn and outputs as Argo's controller evaluates them")
struct ControlFlowTests {
    @Test("when is evaluated after substitution: a false step is Skipped and never called, a true one runs")
    func when() async throws {
        let yaml = Workflows.workflow("""
            entrypoint: main
            arguments: {parameters: [{name: env, value: prod}]}
            templates:
              - name: main
                steps:
                  - - {name: deploy, template: p, when: "{{workflow.parameters.env}} == prod"}
                    - {name: preview, template: p, when: "{{workflow.parameters.env}} != prod"}
              - name: p
                plugin: {p: {}}
            """)
        let plugin = try ScriptedPlugin([.succeeded])
        let report = try await Workflows.simulate(yaml, [plugin])
        #expect(report.exitCode == 0, "\(report.table)")
        #expect(plugin.received.count == 1)
        let preview = try #require(report.nodes.first { $0.name == "wf[0].preview" })
        #expect(preview.phase == .skipped)
        #expect(preview.message == "when 'prod != prod' evaluated false")
        #expect(report.nodes.first { $0.name == "wf[0].deploy" }?.phase == .succeeded)
    }

    @Test("withParam expands a JSON list from an earlier step's output, objects included, with {{item.field}}")
    func withParamFromOutput() async throws {
        let yaml = Workflows.workflow("""
            entrypoint: main
            templates:
              - name: main
                steps:
                  - - {name: list, template: lister}
                  - - name: each
                      template: call
                      withParam: "{{steps.list.outputs.parameters.targets}}"
                      arguments: {parameters: [{name: host, value: "{{item.host}}"}]}
              - name: lister
                outputs: {parameters: [{name: targets, valueFrom: {supplied: {}}}]}
                plugin: {lister: {}}
              - name: call
                inputs: {parameters: [{name: host}]}
                plugin: {call: {host: "{{inputs.parameters.host}}"}}
            """)
        let plugin = try ScriptedPlugin { request in
            request.template["name"] == "lister"
                ? .outputs(["targets": #"[{"host":"a","port":1},{"host":"b","port":2}]"#]) : .succeeded
        }
        let report = try await Workflows.simulate(yaml, [plugin])
        #expect(report.exitCode == 0, "\(report.table)")
        let hosts = plugin.received.compactMap { $0.template["plugin"]?["call"]?["host"]?.stringValue }
        #expect(Set(hosts) == ["a", "b"])
        #expect(report.nodes.map(\.name).contains("wf[1].each(0:host:a,port:1)"))
        #expect(report.nodes.map(\.name).contains("wf[1].each(1:host:b,port:2)"))
    }

    @Test("a withParam that is not a JSON list fails its group with Argo's message, and no step of the group starts")
    func badWithParam() async throws {
        let yaml = Workflows.workflow("""
            entrypoint: main
            arguments: {parameters: [{name: list, value: "oops"}]}
            templates:
              - name: main
                steps:
                  - - {name: fine, template: p}
                    - {name: each, template: p, withParam: "{{workflow.parameters.list}}"}
              - name: p
                plugin: {p: {}}
            """)
        let plugin = try ScriptedPlugin([.succeeded])
        let report = try await Workflows.simulate(yaml, [plugin])
        #expect(report.verdict == .failed(
            phase: "Failed",
            message: "withParam value could not be parsed as a JSON list: oops: invalid character 'o' looking for beginning of value"))
        #expect(plugin.received.isEmpty)
    }

    @Test("withItems of objects gives {{item.key}}; withSequence counts with its format")
    func withItemsAndSequence() async throws {
        let yaml = Workflows.workflow("""
            entrypoint: main
            templates:
              - name: main
                steps:
                  - - name: objects
                      template: p
                      withItems: [{name: x, size: 1}, {name: y, size: 2}]
                      arguments: {parameters: [{name: v, value: "{{item.name}}-{{item.size}}"}]}
                    - name: numbers
                      template: p
                      withSequence: {count: "3", start: "8", format: "n%02d"}
                      arguments: {parameters: [{name: v, value: "{{item}}"}]}
              - name: p
                inputs: {parameters: [{name: v}]}
                plugin: {p: {v: "{{inputs.parameters.v}}"}}
            """)
        let plugin = try ScriptedPlugin([.succeeded])
        let report = try await Workflows.simulate(yaml, [plugin])
        #expect(report.exitCode == 0, "\(report.table)")
        let values = plugin.received.compactMap { $0.template["plugin"]?["p"]?["v"]?.stringValue }
        #expect(Set(values) == ["x-1", "y-2", "n08", "n09", "n10"])
        #expect(report.nodes.map(\.name).contains("wf[0].numbers(2:n10)"))
        #expect(report.nodes.map(\.name).contains("wf[0].objects(1:name:y,size:2)"))
    }

    @Test("continueOn.failed lets the workflow go on and succeed; without it the next group never runs")
    func continueOn() async throws {
        func yaml(_ continueOn: String) -> String {
            Workflows.workflow("""
                entrypoint: main
                templates:
                  - name: main
                    steps:
                      - - {name: flaky, template: bad\(continueOn)}
                      - - {name: after, template: good}
                  - name: bad
                    plugin: {bad: {}}
                  - name: good
                    plugin: {good: {}}
                """)
        }
        let respond: @Sendable (ScriptedPlugin.Received) -> Reply = { request in
            request.template["name"] == "bad" ? .failed("boom") : .succeeded
        }
        let lenient = try ScriptedPlugin(respond: respond)
        let report = try await Workflows.simulate(yaml(", continueOn: {failed: true}"), [lenient])
        #expect(report.exitCode == 0, "\(report.table)")
        #expect(lenient.received.count == 2)
        let strict = try ScriptedPlugin(respond: respond)
        let failing = try await Workflows.simulate(yaml(""), [strict])
        #expect(failing.exitCode == 1)
        #expect(failing.verdict == .failed(phase: "Failed", message: "child 'wf[0].flaky' failed"))
        #expect(strict.received.count == 1)
    }

    @Test("outputs.result of a plugin reaches {{steps.x.outputs.result}} and a steps template's own outputs")
    func outputsResult() async throws {
        let yaml = Workflows.workflow("""
            entrypoint: main
            templates:
              - name: main
                steps:
                  - - {name: ask, template: ask}
                  - - name: use
                      template: use
                      arguments: {parameters: [{name: answer, value: "{{steps.ask.outputs.result}}"}]}
                outputs: {parameters: [{name: final, valueFrom: {parameter: "{{steps.ask.outputs.result}}"}}]}
              - name: ask
                plugin: {ask: {}}
              - name: use
                inputs: {parameters: [{name: answer}]}
                plugin: {use: {answer: "{{inputs.parameters.answer}}"}}
            """)
        let plugin = try ScriptedPlugin { request in
            request.template["name"] == "ask" ? .outputs([:], result: "42") : .succeeded
        }
        let report = try await Workflows.simulate(yaml, [plugin])
        #expect(report.exitCode == 0, "\(report.table)")
        #expect(plugin.received.last?.template["plugin"]?["use"]?["answer"] == "42")
        #expect(report.nodes.first?.outputSummary == "final=42")
    }

    @Test("a template the simulator does not run makes the run partial: exit code 3, named in the table")
    func partial() async throws {
        let yaml = Workflows.workflow("""
            entrypoint: main
            templates:
              - name: main
                steps:
                  - - {name: build, template: build}
                  - - {name: notify, template: p}
              - name: build
                container: {image: swift:6.3}
              - name: p
                plugin: {p: {}}
            """)
        let plugin = try ScriptedPlugin([.succeeded])
        let report = try await Workflows.simulate(yaml, [plugin])
        #expect(report.succeeded)
        #expect(report.partial)
        #expect(report.exitCode == 3)
        #expect(report.table.contains("not evaluated: container template build was not run (assumed to succeed; its outputs are unknown)"))
        #expect(report.table.contains("would succeed as far as simulated, but the run is partial"))
    }
}
