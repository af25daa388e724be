import ArgumentParser
import Foundation
import PluginManifest
import Testing
import Yams

@testable import ArgoPluginCLI

/// `argo-plugin build --rbac` and `--agent-role`: the objects Argo's controller looks up for a token-mounting
/// plugin, and the agent's Role.
@Suite("argo-plugin build --rbac")
struct RBACTests {
    static let rules = """
        rules:
          - apiGroups: [argoproj.io]
            resources: [workflows]
            verbs: [get]
          - apiGroups: [""]
            resources: [configmaps]
            verbs: [create, patch]
            resourceNames: [results]
        """

    /// A plugin folder whose plugin.yaml mounts the token (unless `automount` is false), with `rbac` as rbac.yaml.
    private func folder(automount: Bool = true, rbac: String? = rules) throws -> URL {
        let url = try Fixtures.temporaryFolder()
        let manifest = Fixtures.manifest {
            $0 == "  sidecar:" ? "  sidecar:\n    automountServiceAccountToken: \(automount)" : $0
        }
        try manifest.write(to: url.appendingPathComponent("plugin.yaml"), atomically: true, encoding: .utf8)
        if let rbac { try rbac.write(to: url.appendingPathComponent("rbac.yaml"), atomically: true, encoding: .utf8) }
        return url
    }

    private func exitCode(_ arguments: [String]) throws -> Int32 {
        do {
            try BuildCommand.parse(arguments).run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        }
    }

    /// The YAML documents of a file, as loaded by Yams.
    private func documents(_ url: URL) throws -> [[String: Any]] {
        try Yams.load_all(yaml: String(contentsOf: url, encoding: .utf8)).compactMap { $0 as? [String: Any] }
    }

    @Test("writes the ServiceAccount, token Secret, Role and RoleBinding under the names Argo's controller looks up")
    func writesObjects() throws {
        let url = try folder()
        #expect(try exitCode([url.path, "--rbac", "--namespace", "ci"]) == 0)
        let objects = try documents(url.appendingPathComponent("demo-executor-plugin-rbac.yaml"))
        #expect(objects.map { $0["kind"] as? String } == ["ServiceAccount", "Secret", "Role", "RoleBinding"])
        let metadata = objects.map { $0["metadata"] as? [String: Any] ?? [:] }
        #expect(metadata.map { $0["name"] as? String } == [
            "demo-executor-plugin", "demo-executor-plugin.service-account-token", "demo-executor-plugin",
            "demo-executor-plugin",
        ])
        #expect(metadata.allSatisfy { $0["namespace"] as? String == "ci" })
        #expect(objects[1]["type"] as? String == "kubernetes.io/service-account-token")
        #expect((metadata[1]["annotations"] as? [String: String])?["kubernetes.io/service-account.name"] == "demo-executor-plugin")
        let rules = try #require(objects[2]["rules"] as? [[String: Any]])
        #expect(rules.count == 2)
        #expect(rules[0]["apiGroups"] as? [String] == ["argoproj.io"])
        #expect(rules[1]["apiGroups"] as? [String] == [""])
        #expect(rules[1]["verbs"] as? [String] == ["create", "patch"])
        #expect(rules[1]["resourceNames"] as? [String] == ["results"])
        let subject = try #require((objects[3]["subjects"] as? [[String: Any]])?.first)
        #expect(subject["kind"] as? String == "ServiceAccount")
        #expect(subject["name"] as? String == "demo-executor-plugin")
        #expect(subject["namespace"] as? String == "ci")
        #expect((objects[3]["roleRef"] as? [String: Any])?["name"] as? String == "demo-executor-plugin")
        // The ConfigMap is written as before, and --check now covers both files.
        #expect(FileManager.default.fileExists(atPath: url.appendingPathComponent("demo-executor-plugin-configmap.yaml").path))
        #expect(try exitCode([url.path, "--rbac", "--namespace", "ci", "--check"]) == 0)
        #expect(try exitCode([url.path, "--rbac", "--namespace", "other", "--check"]) == 1)
    }

    @Test("refuses a plugin that does not mount its token, one without rbac.yaml, and a missing namespace")
    func refusals() throws {
        #expect(try exitCode([try folder(automount: false).path, "--rbac", "--namespace", "ci"]) == 1)
        #expect(try exitCode([try folder(rbac: nil).path, "--rbac", "--namespace", "ci"]) == 1)
        let noNamespace = try folder()
        #expect(try exitCode([noNamespace.path, "--rbac"]) == 1)
        #expect(!FileManager.default.fileExists(atPath: noNamespace.appendingPathComponent("demo-executor-plugin-rbac.yaml").path))
    }

    @Test("rbac.yaml is read strictly", arguments: [
        ("rules: []", "rules: must be a non-empty list"),
        ("rules:\n  - apiGroups: [x]\n    resources: [y]\n    verbs: [get]\n    extra: 1", "rules[0].extra: unknown field"),
        ("rules:\n  - apiGroups: [x]\n    resources: [y]\n    verbs: [fetch]", "unknown verb 'fetch'"),
        ("rules:\n  - apiGroups: []\n    resources: [y]\n    verbs: [get]", "use [\"\"] for the core group"),
        ("rules:\n  - resources: [y]\n    verbs: [get]", "rules[0].apiGroups: is mandatory"),
        ("roles: []", "roles: unknown field"),
    ])
    func strict(text: String, message: String) {
        #expect {
            _ = try PluginRBAC(yaml: text)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test("--agent-role writes Argo's agent Role (tasksets list/watch, their status patch) bound to the workflow's account")
    func agentRole() throws {
        let url = try folder()
        #expect(try exitCode([url.path, "--agent-role", "ci-runner", "--namespace", "ci"]) == 0)
        let objects = try documents(url.appendingPathComponent("argo-agent-rbac.yaml"))
        #expect(objects.map { $0["kind"] as? String } == ["Role", "RoleBinding"])
        let rules = try #require(objects[0]["rules"] as? [[String: Any]])
        let grants = rules.map { "\(($0["resources"] as? [String]) ?? []): \(($0["verbs"] as? [String]) ?? [])" }
        #expect(grants == [
            #"["workflowtasksets"]: ["list", "watch"]"#, #"["workflowtasksets/status"]: ["patch"]"#,
            #"["workflowtaskresults"]: ["create", "patch"]"#,
        ])
        let subject = try #require((objects[1]["subjects"] as? [[String: Any]])?.first)
        #expect(subject["name"] as? String == "ci-runner")
        #expect(subject["namespace"] as? String == "ci")
    }

    @Test("the plugin folder stays acceptable to Argo's own build: plugin.yaml has no new fields")
    func argoStillAcceptsTheFolder() throws {
        let url = try folder()
        // Argo's build reads plugin.yaml strictly and, besides it, only server.*; rbac.yaml is not one.
        #expect(try PluginDirectory(path: url.path).loadManifest().automountServiceAccountToken)
        #expect(!PluginRBAC.fileName.hasPrefix("server."))
    }
}
