import ArgumentParser
import Foundation
import PluginManifest
import Testing

@testable import ArgoPluginCLI

/// `argo-plugin build` as a command: what it writes and how it exits.
@Suite("argo-plugin build")
struct BuildCommandTests {
    private func folder(_ manifest: String = Fixtures.manifest()) throws -> URL {
        let url = try Fixtures.temporaryFolder()
        try manifest.write(to: url.appendingPathComponent("plugin.yaml"), atomically: true, encoding: .utf8)
        return url
    }

    private func command(_ arguments: [String]) throws -> BuildCommand {
        try BuildCommand.parse(arguments)
    }

    /// The exit code `run()` ends with: 0 when it returns, else the `ExitCode` it throws.
    private func exitCode(_ arguments: [String]) throws -> Int32 {
        do {
            try command(arguments).run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        }
    }

    @Test("writes <name>-executor-plugin-configmap.yaml beside plugin.yaml")
    func writes() throws {
        let url = try folder()
        #expect(try exitCode([url.path]) == 0)
        let written = try String(
            contentsOf: url.appendingPathComponent("demo-executor-plugin-configmap.yaml"), encoding: .utf8)
        #expect(written == (try PluginDirectory(path: url.path).loadManifest().configMapYAML()))
    }

    @Test("--check exits 1 when the ConfigMap is missing or stale and 0 when current, writing nothing")
    func check() throws {
        let url = try folder()
        let target = url.appendingPathComponent("demo-executor-plugin-configmap.yaml")
        #expect(try exitCode([url.path, "--check"]) == 1)
        #expect(!FileManager.default.fileExists(atPath: target.path))
        #expect(try exitCode([url.path]) == 0)
        #expect(try exitCode([url.path, "--check"]) == 0)
        try "# edited by hand\n".write(to: target, atomically: true, encoding: .utf8)
        #expect(try exitCode([url.path, "--check"]) == 1)
        #expect(try String(contentsOf: target, encoding: .utf8) == "# edited by hand\n")
    }

    @Test("an invalid plugin.yaml exits 1 and writes nothing")
    func invalid() throws {
        let url = try folder(Fixtures.manifest { $0.contains("securityContext") || $0.contains("runAsUser") ? nil : $0 })
        #expect(try exitCode([url.path]) == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.path) == ["plugin.yaml"])
    }

    @Test("--workflow-level writes nothing and cannot be combined with --check")
    func workflowLevel() throws {
        let url = try folder()
        #expect(try exitCode([url.path, "--workflow-level"]) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.path) == ["plugin.yaml"])
        #expect(throws: (any Error).self) { try command([url.path, "--workflow-level", "--check"]) }
    }
}
