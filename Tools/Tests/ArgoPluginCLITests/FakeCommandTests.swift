import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PluginSDKTesting
import Testing

@testable import ArgoPluginCLI

/// `argo-plugin fake`: routes read from YAML, and the Kubernetes fake that answers any workflow name.
@Suite("argo-plugin fake")
struct FakeCommandTests {
    @Test("reads a YAML routes file into the test kit's routes")
    func yamlRoutes() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("routes-\(UUID().uuidString).yaml")
        try """
            - {method: POST, path: /services/**, replies: [{status: 503}, {status: 200, text: ok}]}
            - method: GET
              path: /repos/*/*/pulls/*
              json: {head: {sha: abc}}
              delayMilliseconds: 5
            - {path: /flaky, drop: true}
            """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let command = try FakeCommand.parse([file.path])
        let routes = try command.loadRoutes()
        #expect(routes.map(\.path) == ["/services/**", "/repos/*/*/pulls/*", "/flaky"])
        #expect(routes.map(\.method) == ["POST", "GET", nil])
        guard case .replies(let replies) = routes[0].answer, case .replies(let pulls) = routes[1].answer,
            case .replies(let flaky) = routes[2].answer
        else {
            Issue.record("canned replies expected")
            return
        }
        #expect(replies == [.status(503), .text("ok")])
        #expect(pulls == [FakeReply.json(["head": ["sha": "abc"]]).delayed(by: .milliseconds(5))])
        #expect(flaky.first?.drops == true)
    }

    @Test("the Kubernetes fake serves the workflow under whatever name and namespace the plugin asks for")
    func anyWorkflowName() async throws {
        let fake = try await FakeKubernetes.start()
        fake.service.route(FakeCommand.anyNameWorkflowRoute(
            template: ["metadata": ["generateName": "demo-"], "spec": ["entrypoint": "main"]], store: fake))
        let (data, response) = try await URLSession.shared.data(
            for: {
                var request = URLRequest(url: URL(string: fake.url + "/apis/argoproj.io/v1alpha1/namespaces/ci/workflows/demo-x1")!)
                request.setValue("Bearer \(fake.token)", forHTTPHeaderField: "Authorization")
                return request
            }())
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let workflow = try JSONDecoder().decode(JSONValue.self, from: Data(data))
        #expect(workflow["metadata"] == ["name": "demo-x1", "namespace": "ci"])
        #expect(workflow["spec"]?["entrypoint"] == "main")
        await fake.service.stop()
    }
}
