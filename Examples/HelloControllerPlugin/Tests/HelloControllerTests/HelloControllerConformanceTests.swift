import PluginSDKTesting
import Testing
import HelloController

@Suite("HelloControllerPlugin with PluginSDKTesting")
struct HelloControllerConformanceTests {
    @Test("follows Argo's plugin contract: token, 404 for template.execute and unserved hooks, malformed input")
    func conformance() async throws {
        let report = try await PluginConformance.check(HelloController())
        #expect(report.checks.contains { $0.name.hasPrefix("unserved method template.execute answers 404") })
    }

    @Test("the hooks answer over a live socket as Argo's controller expects")
    func hooks() async throws {
        try await PluginTestClient.with(HelloController(), transport: .live) { client async throws in
            #expect(try await client.parametersAdd(.fixture()).parameters == ["hello": "good morning"])
            #expect(
                try await client.workflowPreOperate(.fixture()).workflow?.metadata.annotations
                    == ["hello": "good morning"])
            #expect(try await client.nodePreExecute(.fixture(plugin: "hello")).node?.phase == .succeeded)
            #expect(try await client.nodePreExecute(.fixture(plugin: "other")).node == nil)
        }
    }
}
