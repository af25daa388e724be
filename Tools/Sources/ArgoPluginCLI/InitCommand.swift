import ArgumentParser
import Foundation

/// `argo-plugin init NAME`: a new plugin package that builds, tests, simulates and packages out of the box.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new executor plugin package that depends on swift-argo-plugin.",
        discussion: """
            Writes Package.swift, a TemplatePlugin with a test that uses PluginSDKTesting, main.swift, \
            plugin.yaml, a Dockerfile, a workflow and a README into --path (default ./NAME). Nothing is \
            overwritten.
            """
    )

    @Argument(help: "The plugin's name: its template key and Kubernetes name, e.g. slack-notify.")
    var name: String

    @Option(help: "Where to create the package (default: ./NAME).")
    var path: String?

    @Option(help: "Depend on a local checkout of swift-argo-plugin at this path instead of the published URL.")
    var sdkPath: String?

    @Option(help: "The plugin's port (default: a stable port above 10000 derived from NAME).")
    var port: Int?

    @Flag(help: "A plugin that reads its Workflow through the Kubernetes API: mounts its token, declares its rules in rbac.yaml.")
    var kubernetes = false

    func run() throws {
        let source: PluginScaffold.SDKSource
        if let sdkPath {
            let absolute = URL(fileURLWithPath: sdkPath).standardizedFileURL.path
            guard FileManager.default.fileExists(atPath: absolute + "/Package.swift") else {
                FileHandle.standardError.write(Data("error: \(absolute) holds no Package.swift\n".utf8))
                throw ExitCode.failure
            }
            source = .path(absolute)
        } else {
            source = .url(PluginScaffold.defaultSDKURL, from: PluginScaffold.sdkVersion)
        }
        do {
            let scaffold = try PluginScaffold(name: name, sdk: source, port: port, kubernetes: kubernetes)
            let directory = URL(fileURLWithPath: path ?? name).standardizedFileURL
            let written = try scaffold.write(to: directory)
            print("created \(scaffold.name) plugin in \(directory.path):")
            for url in written { print("  \(url.path.dropFirst(directory.path.count + 1))") }
            print(
                """

                next:
                  cd \(directory.path)
                  swift test
                  swift run \(scaffold.typeName)Plugin --dev
                """)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
