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

            --rbac, for a plugin whose sidecar mounts its token (automountServiceAccountToken: true), also writes \
            DIR/<name>-executor-plugin-rbac.yaml: the ServiceAccount <name>-executor-plugin, its token Secret \
            <name>-executor-plugin.service-account-token, and a Role with the rules in DIR/rbac.yaml bound to it. \
            Apply it in each namespace where workflows use the plugin. --agent-role SA writes \
            DIR/argo-agent-rbac.yaml, the Role and RoleBinding the workflow's service account SA needs for Argo's \
            agent pod.
            """
    )

    @Argument(help: "The plugin folder holding plugin.yaml.")
    var directory: String

    @Flag(help: "Print the workflow-level form (a Workflow's spec.executorPlugins, Argo v4.1) instead of writing.")
    var workflowLevel = false

    @Flag(help: "Write nothing; fail if the ConfigMap file (and, with --rbac, the RBAC file) is missing or stale.")
    var check = false

    @Flag(help: "Also write <name>-executor-plugin-rbac.yaml: ServiceAccount, token Secret, Role (rules from rbac.yaml), RoleBinding.")
    var rbac = false

    @Option(help: "The namespace of the RBAC objects (default: plugin.yaml's metadata.namespace).")
    var namespace: String?

    @Option(help: "Also write argo-agent-rbac.yaml: the agent's Role bound to this workflow service account.")
    var agentRole: String?

    func validate() throws {
        if workflowLevel && check { throw ValidationError("--workflow-level and --check cannot be combined.") }
        if workflowLevel && (rbac || agentRole != nil) {
            throw ValidationError("--workflow-level prints a fragment; --rbac and --agent-role write files.")
        }
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
        var extra: [(URL, String)] = []
        do {
            if rbac { extra.append((folder.rbacURL(for: manifest), try folder.rbacYAML(for: manifest, namespace: namespace))) }
            if let agentRole {
                guard let space = namespace ?? manifest.namespace else {
                    throw ManifestError(field: "", message: "--agent-role needs --namespace (or metadata.namespace in plugin.yaml)")
                }
                extra.append((folder.agentRBACURL, try ExecutorPluginManifest.agentRBACYAML(serviceAccount: agentRole, namespace: space)))
            }
        } catch {
            Self.printError("error: \(error)")
            throw ExitCode.failure
        }
        if check {
            try checkFiles(folder: folder, manifest: manifest, extra: extra)
            return
        }
        let target = try folder.writeConfigMap(for: manifest)
        print("\(target.path) created")
        for (url, text) in extra {
            try Data(text.utf8).write(to: url, options: .atomic)
            print("\(url.path) created")
        }
    }

    /// `--check`: every file build would write exists and is current.
    private func checkFiles(folder: PluginDirectory, manifest: ExecutorPluginManifest, extra: [(URL, String)]) throws {
        let target = folder.configMapURL(for: manifest)
        var problems: [String] = []
        switch try folder.configMapState(for: manifest) {
        case .upToDate: print("\(target.path) is up to date")
        case .missing: problems.append("\(target.path) is missing")
        case .stale: problems.append("\(target.path) is out of date")
        }
        for (url, text) in extra {
            switch try? String(contentsOf: url, encoding: .utf8) {
            case text?: print("\(url.path) is up to date")
            case nil: problems.append("\(url.path) is missing")
            default: problems.append("\(url.path) is out of date")
            }
        }
        guard problems.isEmpty else {
            for problem in problems { Self.printError("error: \(problem); run `argo-plugin build \(directory)`") }
            throw ExitCode.failure
        }
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
