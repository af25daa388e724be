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
            let outcome = try await Command.argoPlugin(["simulate", helloWorkflow, "--plugin", url, "--token-file", wrong, "--fast"])
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

    /// Writes `text` to a temporary file for the duration of `body`.
    func withFile(_ text: String, _ body: (String) async throws -> Void) async throws {
        let path = NSTemporaryDirectory() + "wf-\(UUID().uuidString).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await body(path)
    }

    static let mixed = """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: mixed}
        spec:
          entrypoint: main
          templates:
            - name: main
              steps: [[{name: build, template: build}], [{name: hello, template: hello}]]
            - name: build
              container: {image: swift:6.3}
            - name: hello
              plugin: {hello: {}}
        """

    @Test("a run with a step the simulator does not run exits 3 and names it; --seed is printed and replayed")
    func partial() async throws {
        try await withHello { url, tokenFile in
            try await withFile(Self.mixed) { path in
                let outcome = try await Command.argoPlugin(
                    ["simulate", path, "--plugin", url, "--token-file", tokenFile, "--fast", "--seed", "42", "--workers", "4"])
                #expect(outcome.status == 3, "\(outcome.output)\(outcome.errors)")
                #expect(outcome.output.contains("plugin order (seed 42): \(url)"))
                #expect(outcome.output.contains("4 agent worker(s)"))
                #expect(outcome.output.contains("not evaluated: container template build was not run"))
                #expect(outcome.output.contains("would succeed as far as simulated, but the run is partial"))
            }
        }
    }

    @Test("a reference Argo's validation rejects exits 2 before any call, with Argo's message")
    func rejected() async throws {
        let yaml = Self.mixed.replacingOccurrences(
            of: "{name: hello, template: hello}",
            with: #"{name: hello, template: hello, arguments: {parameters: [{name: x, value: "{{steps.build.outputs.parameters.x}}"}]}}"#)
        try await withHello { url, tokenFile in
            try await withFile(yaml) { path in
                let outcome = try await Command.argoPlugin(["simulate", path, "--plugin", url, "--token-file", tokenFile, "--fast"])
                #expect(outcome.status == 2, "\(outcome.output)\(outcome.errors)")
                #expect(outcome.output.contains(
                    "cannot run: Argo's validation would reject it at submit: templates.main.steps failed to resolve {{steps.build.outputs.parameters.x}}"))
                #expect(!outcome.output.contains("→"))
            }
        }
    }
}
