import Foundation
import Testing
import ToolTestSupport

@Suite("argo-plugin init")
struct InitCommandTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("argo-plugin-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("writes every file of a plugin package, and refuses to overwrite or to take a bad name")
    func scaffold() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try await Command.argoPlugin(["init", "slack-notify", "--path", directory.path, "--port", "4999"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        for file in [
            "Package.swift", "Sources/SlackNotify/SlackNotify.swift", "Sources/SlackNotify/SlackNotifyOptions.swift",
            "Sources/SlackNotifyPlugin/main.swift",
            "Tests/SlackNotifyTests/SlackNotifyTests.swift", "plugin.yaml", "Dockerfile", "slack-notify-workflow.yaml",
            "README.md", ".gitignore",
        ] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path), "\(file)")
        }
        let package = try String(contentsOf: directory.appendingPathComponent("Package.swift"), encoding: .utf8)
        let dependency = #".package(url: "https://github.com/swift-argo-plugin/swift-argo-plugin.git", from: "0.2.0")"#
        #expect(package.contains(dependency))
        // The README shows authors the same line.
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(dependency))
        #expect(package.contains(#".product(name: "PluginSDKTesting", package: "swift-argo-plugin")"#))
        let plugin = try String(contentsOf: directory.appendingPathComponent("Sources/SlackNotify/SlackNotify.swift"), encoding: .utf8)
        #expect(plugin.contains(#"public static let key = "slack-notify""#))
        let options = try String(
            contentsOf: directory.appendingPathComponent("Sources/SlackNotify/SlackNotifyOptions.swift"), encoding: .utf8)
        #expect(options.contains(#".option("--default-greeting", variable: "SLACK_NOTIFY_DEFAULT_GREETING")"#))
        let main = try String(contentsOf: directory.appendingPathComponent("Sources/SlackNotifyPlugin/main.swift"), encoding: .utf8)
        #expect(main.contains("PluginRuntime.run(options: SlackNotifyOptions.self, configuration: configuration)"))
        #expect(main.contains("configuration.port = 4999"))
        let again = try await Command.argoPlugin(["init", "slack-notify", "--path", directory.path])
        #expect(again.status == 1)
        #expect(again.errors.contains("already exists; nothing was written"))
        let bad = try await Command.argoPlugin(["init", "Slack_Notify", "--path", directory.path + "/x"])
        #expect(bad.status == 1)
        #expect(bad.errors.contains("must start with a lower-case letter"))
    }

    /// The newcomer's whole path, for real: init against this checkout, swift test (the kit and the conformance
    /// suite from an outside package), argo-plugin build (the ConfigMap), the plugin started as a process and its
    /// workflow run through the simulator.
    ///
    /// It costs a `swift build` of the SDK and its dependencies in a shared scratch folder (`.build-init-test`,
    /// git-ignored): measured at about 4.5 minutes the first time on 2 cores (CI's fresh clone), 45 s afterwards.
    @Test(
        "a scaffolded package builds, passes its tests, packages its ConfigMap and runs under the simulator",
        .timeLimit(.minutes(20)))
    func buildsAgainstThisCheckout() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let package = directory.appendingPathComponent("greeter")
        let created = try await Command.argoPlugin([
            "init", "greeter", "--path", package.path, "--sdk-path", Command.root.path,
        ])
        #expect(created.status == 0, "\(created.errors)")
        let scratch = Command.root.appendingPathComponent(".build-init-test").path
        let swift = try Self.swiftExecutable()
        let test = try await Command.run(swift, ["test", "--scratch-path", scratch], directory: package)
        #expect(test.status == 0, "\(test.output.suffix(3000))\(test.errors.suffix(3000))")
        #expect(test.output.contains("follows Argo's plugin contract") || test.errors.contains("follows Argo's plugin contract"))

        let build = try await Command.argoPlugin(["build", package.path])
        #expect(build.status == 0, "\(build.errors)")
        let configMap = try String(
            contentsOf: package.appendingPathComponent("greeter-executor-plugin-configmap.yaml"), encoding: .utf8)
        #expect(configMap.contains("name: greeter-executor-plugin"))

        let binary = URL(fileURLWithPath: scratch).appendingPathComponent("debug/GreeterPlugin").path
        try await Self.simulate(binary: binary, workflow: package.appendingPathComponent("greeter-workflow.yaml").path)
    }

    /// Starts the built plugin on a port the kernel picks (`--port 0`), learns the port from its "plugin listening"
    /// line, and simulates `workflow` against it. The plugin's standard error is quoted when anything fails.
    static func simulate(binary: String, workflow: String) async throws {
        let tokenFile = NSTemporaryDirectory() + "greeter-\(UUID().uuidString).token"
        try "greeter-token".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: tokenFile) }
        let plugin = try await ListeningProcess.start(binary, ["--port", "0", "--token-file", tokenFile])
        defer { plugin.stop() }
        let outcome = try await Command.argoPlugin([
            "simulate", workflow, "--plugin", "http://127.0.0.1:\(plugin.port)", "--token-file", tokenFile, "--fast",
        ])
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.errors)\nplugin's standard error:\n\(plugin.standardError)")
        #expect(outcome.output.contains("Hello, world!"))
    }

    /// `swift` on PATH (the toolchain running these tests).
    static func swiftExecutable() throws -> String {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/swift"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw CocoaError(.fileNoSuchFile)
    }
}
