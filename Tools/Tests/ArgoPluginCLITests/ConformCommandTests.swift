import Foundation
import Testing
import ToolTestSupport

/// `argo-plugin conform` as a person or a CI job runs it: the report, `--json`, the exit status.
@Suite("argo-plugin conform")
struct ConformCommandTests {
    var helloWorkflow: String { Repository.path("Examples/HelloPlugin/hello-workflow.yaml") }

    @Test("HelloPlugin passes with its workflow as the sample: every line PASS, exit status 0")
    func passes() async throws {
        try await HelloServer.with { url, _, tokenFile in
            let outcome = try await Command.argoPlugin([
                "conform", url, "--token-file", tokenFile, "--template", helloWorkflow,
            ])
            #expect(outcome.status == 0, "\(outcome.output)\(outcome.errors)")
            let lines = outcome.output.split(separator: "\n")
            #expect(lines.filter { $0.hasPrefix("PASS  ") }.count == 19)
            #expect(!outcome.output.contains("FAIL"))
            #expect(lines.last?.hasPrefix("all 19 checks passed") == true)
        }
    }

    @Test("--json gives CI one object: passed, and each check with its id")
    func json() async throws {
        try await HelloServer.with(HelloControllerHooks()) { url, _, tokenFile in
            let outcome = try await Command.argoPlugin([
                "conform", url, "--token-file", tokenFile, "--kind", "controller", "--json",
            ])
            #expect(outcome.status == 0, "\(outcome.output)\(outcome.errors)")
            let object = try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any]
            #expect(object?["passed"] as? Bool == true)
            #expect(object?["kind"] as? String == "controller")
            let checks = object?["checks"] as? [[String: Any]] ?? []
            #expect(checks.compactMap { $0["id"] as? String }.contains("hook-node.preExecute"))
            #expect(checks.allSatisfy { $0["passed"] as? Bool == true })
        }
    }

    @Test("Argo's Python example fails: exit status 1, and each failure says why, what was sent and received")
    func fails() async throws {
        let server = try PythonExample()
        defer { server.stop() }
        let outcome = try await Command.argoPlugin([
            "conform", server.url, "--token-file", server.tokenFile, "--plugin-key", "hello",
        ])
        #expect(outcome.status == 1, "\(outcome.output)\(outcome.errors)")
        #expect(outcome.output.contains("FAIL  keep-alive: "))
        #expect(outcome.output.contains("      why:      "))
        #expect(outcome.output.contains("      sent:     POST /api/v1/template.execute"))
        #expect(outcome.output.contains("      received: HTTP/1.0 200 OK"))
        #expect(outcome.output.hasSuffix("5 of 19 checks failed\n"))
    }

    @Test("an executor plugin needs a sample template: without one, usage error 64 naming the options")
    func needsTemplate() async throws {
        let outcome = try await Command.argoPlugin(["conform", "http://127.0.0.1:9", "--token-file", "/dev/null"])
        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("--template FILE or --plugin-key KEY"))
    }

    @Test(
        "unusable inputs exit 2 with one line: a missing token file, a URL that is not http, a file without a plugin template"
    )
    func unusableInputs() async throws {
        let missing = try await Command.argoPlugin([
            "conform", "http://127.0.0.1:9", "--token-file", "/nonexistent/token", "--plugin-key", "hello",
        ])
        #expect(missing.status == 2)
        #expect(missing.errors == "error: cannot read the token file /nonexistent/token\n")
        let token = NSTemporaryDirectory() + "conform-\(UUID().uuidString).token"
        try "t".write(toFile: token, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: token) }
        let https = try await Command.argoPlugin([
            "conform", "https://127.0.0.1:9", "--token-file", token, "--plugin-key", "x",
        ])
        #expect(https.status == 2)
        #expect(https.errors.contains("is not a plain http:// URL"))
        let noPlugin = try await Command.argoPlugin([
            "conform", "http://127.0.0.1:9", "--token-file", token, "--template",
            Repository.path("Examples/HelloPlugin/plugin.yaml"),
        ])
        #expect(noPlugin.status == 2)
        #expect(noPlugin.errors.contains("no template with a plugin: member"), "\(noPlugin.errors)")
    }
}
