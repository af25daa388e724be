import Foundation
import Testing
import ToolTestSupport

/// `argo-plugin init --kubernetes`: a plugin that reads its Workflow through the Kubernetes API.
@Suite("argo-plugin init --kubernetes")
struct InitKubernetesTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("argo-plugin-init-k8s-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func read(_ directory: URL, _ file: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
    }

    @Test("mounts its token, declares its rules, depends on PluginKubernetes and ships libcurl in its image")
    func files() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try await Command.argoPlugin(["init", "wf-reader", "--path", directory.path, "--kubernetes"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(try read(directory, "plugin.yaml").contains("automountServiceAccountToken: true"))
        #expect(try read(directory, "rbac.yaml").contains("resources: [workflows]"))
        #expect(try read(directory, "Package.swift").contains(#".product(name: "PluginKubernetes", package: "swift-argo-plugin")"#))
        #expect(try read(directory, "Sources/WfReader/WfReader.swift").contains("kubernetes.workflow(for: context)"))
        #expect(try read(directory, "Dockerfile").contains("libmicrohttpd12 libcurl4 ca-certificates"))
        let rbac = try await Command.argoPlugin(["build", directory.path, "--rbac", "--namespace", "argo"])
        #expect(rbac.status == 0, "\(rbac.errors)")
        #expect(try read(directory, "wf-reader-executor-plugin-rbac.yaml").contains("name: wf-reader-executor-plugin.service-account-token"))
        // Without --kubernetes nothing changes: no token, no rbac.yaml.
        let plain = directory.appendingPathComponent("plain")
        _ = try await Command.argoPlugin(["init", "plain", "--path", plain.path])
        #expect(try read(plain, "plugin.yaml").contains("automountServiceAccountToken: false"))
        #expect(!FileManager.default.fileExists(atPath: plain.appendingPathComponent("rbac.yaml").path))
    }

    /// The whole path for real: the scaffold's tests (against FakeKubernetes), then the plugin as a process reading
    /// its workflow from `argo-plugin fake --kubernetes`, driven by `argo-plugin simulate`. Shares the scratch
    /// folder of the plain scaffold's test, so only PluginHTTP, PluginKubernetes and the plugin are compiled anew.
    @Test(
        "a scaffolded Kubernetes plugin passes its tests and reads its workflow from argo-plugin fake under simulate",
        .timeLimit(.minutes(20)))
    func buildsAndSimulates() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let package = directory.appendingPathComponent("reader")
        let created = try await Command.argoPlugin([
            "init", "reader", "--path", package.path, "--sdk-path", Command.root.path, "--kubernetes",
        ])
        #expect(created.status == 0, "\(created.errors)")
        let scratch = Command.root.appendingPathComponent(".build-init-test").path
        let test = try await Command.run(try InitCommandTests.swiftExecutable(), ["test", "--scratch-path", scratch], directory: package)
        #expect(test.status == 0, "\(test.output.suffix(3000))\(test.errors.suffix(3000))")

        let workflow = package.appendingPathComponent("reader-workflow.yaml").path
        let fake = try await FakeProcess.start(Command.products.appendingPathComponent("argo-plugin").path, ["fake", "--kubernetes", workflow])
        defer { fake.stop() }
        let tokenFile = NSTemporaryDirectory() + "reader-\(UUID().uuidString).token"
        try "reader-token".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: tokenFile) }
        let binary = URL(fileURLWithPath: scratch).appendingPathComponent("debug/ReaderPlugin").path
        let plugin = try await ListeningProcess.start(
            binary, ["--port", "0", "--token-file", tokenFile], environment: fake.environment)
        defer { plugin.stop() }
        let outcome = try await Command.argoPlugin([
            "simulate", workflow, "--plugin", "http://127.0.0.1:\(plugin.port)", "--token-file", tokenFile, "--fast",
        ])
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.errors)\nplugin's standard error:\n\(plugin.standardError)")
        #expect(outcome.output.contains("starts at 'main'"))
    }
}
