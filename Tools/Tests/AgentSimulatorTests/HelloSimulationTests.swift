import AgentSimulator
import Foundation
import Logging
import PluginSDK
import Testing
import ToolTestSupport

@Suite("simulate: the HelloPlugin example")
struct HelloSimulationTests {
    /// HelloPlugin's behaviour on 127.0.0.1:0 with a fresh token file; passes its URL and token.
    func withHello(_ body: (String, String) async throws -> Void) async throws {
        try await HelloServer.with { url, token, _ in try await body(url, token) }
    }

    static var helloWorkflow: String {
        (try? String(contentsOfFile: Repository.path("Examples/HelloPlugin/hello-workflow.yaml"), encoding: .utf8)) ?? ""
    }

    @Test("Examples/HelloPlugin/hello-workflow.yaml succeeds with foo=bar")
    func hello() async throws {
        try await withHello { url, token in
            let report = await Simulator(plugins: [PluginEndpoint(address: url, token: token)], timing: Workflows.fastTiming())
                .run(try WorkflowDocument(yaml: Self.helloWorkflow))
            #expect(report.succeeded)
            #expect(report.nodes.first?.message == "Hello template!")
            #expect(report.nodes.first?.outputSummary == "foo=bar")
            #expect(report.table.split(separator: "\n").first == "NODE         TEMPLATE  PHASE      MESSAGE          OUTPUTS")
        }
    }

    @Test("the SDK's 403 for a wrong token becomes the --token-file hint")
    func wrongToken() async throws {
        try await withHello { url, _ in
            let report = await Simulator(plugins: [PluginEndpoint(address: url, token: "wrong")], timing: Workflows.fastTiming())
                .run(try WorkflowDocument(yaml: Self.helloWorkflow))
            #expect(!report.succeeded)
            #expect(report.nodes.first?.message?.hasPrefix("403 Forbidden: ") == true)
            #expect(report.table.contains("refused the token: check --token-file"))
        }
    }

    @Test("Hello answers {} for other plugins' templates, so the next plugin gets its turn")
    func notMine() async throws {
        try await withHello { url, token in
            let other = try ScriptedPlugin([.succeeded])
            let report = await Simulator(
                plugins: [PluginEndpoint(address: url, token: token), PluginEndpoint(address: other.url, token: token)],
                timing: Workflows.fastTiming()
            ).run(try WorkflowDocument(yaml: Workflows.single(plugin: "slack", config: "{text: hi}")))
            #expect(report.succeeded)
            #expect(report.nodes.first?.plugin == other.url)
        }
    }
}
