import Foundation
import Logging
import PluginSDK
import Testing
import ToolTestSupport

@Suite("argo-plugin simulate")
struct SimulateCommandTests {
    /// HelloPlugin's behaviour on 127.0.0.1:0; passes its URL and token file.
    func withHello(_ body: (String, String) async throws -> Void) async throws {
        try await HelloServer.with { url, _, tokenFile in try await body(url, tokenFile) }
    }

    var helloWorkflow: String { Repository.path("Examples/HelloPlugin/hello-workflow.yaml") }

    @Test("the hello workflow succeeds: progress, a table and exit status 0")
    func succeeds() async throws {
        try await withHello { url, tokenFile in
            let outcome = try await Command.argoPlugin(["simulate", helloWorkflow, "--plugin", url, "--token-file", tokenFile, "--fast"])
            #expect(outcome.status == 0, "\(outcome.output)\(outcome.errors)")
            #expect(outcome.output.contains("simulating Workflow as workflow hello-"))
            #expect(outcome.output.contains("→ hello-"))
            #expect(outcome.output.contains("✔ hello-"))
            #expect(outcome.output.contains("NODE"))
            #expect(outcome.output.contains("Succeeded  Hello template!  foo=bar"))
            #expect(outcome.output.contains("would succeed"))
        }
    }

    @Test("a wrong token exits 1 and says to check --token-file")
    func wrongToken() async throws {
        try await withHello { url, _ in
            let wrong = NSTemporaryDirectory() + "wrong-\(UUID().uuidString).token"
            try "nope".write(toFile: wrong, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: wrong) }
            let outcome = try await Command.argoPlugin(["simulate", helloWorkflow, "--plugin", url, "--token-file", wrong])
            #expect(outcome.status == 1)
            #expect(outcome.output.contains("the plugin at \(url) refused the token: check --token-file"))
            #expect(outcome.output.contains("would fail"))
        }
    }

    @Test("bad YAML and unreadable token files exit 2 with the reason; missing options exit 64")
    func unusableInput() async throws {
        let bad = NSTemporaryDirectory() + "bad-\(UUID().uuidString).yaml"
        try "kind: Workflow\nspec: [oops".write(toFile: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let yaml = try await Command.argoPlugin(["simulate", bad, "--plugin", "http://127.0.0.1:1", "--token-file", bad])
        #expect(yaml.status == 2)
        #expect(yaml.errors.hasPrefix("error: \(bad): not valid YAML"))
        let token = try await Command.argoPlugin(["simulate", helloWorkflow, "--plugin", "http://127.0.0.1:1", "--token-file", "/nonexistent/token"])
        #expect(token.status == 2)
        #expect(token.errors.contains("cannot read the token file /nonexistent/token"))
        let usage = try await Command.argoPlugin(["simulate", helloWorkflow, "--token-file", bad])
        #expect(usage.status == 64)
        #expect(usage.errors.contains("Give at least one --plugin URL"))
    }
}
