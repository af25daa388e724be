import ArgumentParser
import Foundation
import PluginManifest

/// `argo-plugin build DIR`: the Swift counterpart of `argo executor-plugin build DIR`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Validate DIR/plugin.yaml and write DIR/<name>-executor-plugin-configmap.yaml.",
        discussion: """
            Reads plugin.yaml strictly (unknown fields are errors) and validates it as Argo does: kind \
            ExecutorPlugin, a valid name, at least one port, resource requests and limits, a security context. \
            A single server.* file in DIR becomes the container's args. Install the result with \
            `kubectl apply -f DIR/<name>-executor-plugin-configmap.yaml`.
            """
    )

    @Argument(help: "The plugin folder holding plugin.yaml.")
    var directory: String

    @Flag(help: "Print the workflow-level form (a Workflow's spec.executorPlugins, Argo v4.1) instead of writing.")
    var workflowLevel = false

    @Flag(help: "Write nothing; fail if the ConfigMap file is missing or differs from what build would write.")
    var check = false

    func validate() throws {
        if workflowLevel && check { throw ValidationError("--workflow-level and --check cannot be combined.") }
    }

    func run() throws {
        let folder = PluginDirectory(path: directory)
        let manifest: ExecutorPluginManifest
        do {
            manifest = try folder.loadManifest()
        } catch {
            Self.printError("error: \(error)")
            throw ExitCode.failure
        }
        if workflowLevel {
            print(try manifest.workflowLevelYAML(), terminator: "")
            return
        }
        if check {
            let target = folder.configMapURL(for: manifest)
            let problem: String
            switch try folder.configMapState(for: manifest) {
            case .upToDate:
                print("\(target.path) is up to date")
                return
            case .missing: problem = "is missing"
            case .stale: problem = "is out of date"
            }
            Self.printError("error: \(target.path) \(problem); run `argo-plugin build \(directory)`")
            throw ExitCode.failure
        }
        let target = try folder.writeConfigMap(for: manifest)
        print("\(target.path) created")
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
