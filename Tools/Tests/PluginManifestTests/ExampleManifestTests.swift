import Foundation
import PluginManifest
import ToolTestSupport
import Testing

/// The examples' `plugin.yaml` files keep the sidecar promises the README and Dockerfiles make.
@Suite("Example manifests")
struct ExampleManifestTests {
    private static let root = Repository.root

    private func container(_ example: String) throws -> (ExecutorPluginManifest, YAMLMeaning) {
        let directory = PluginDirectory(path: Self.root.appendingPathComponent("Examples/\(example)").path)
        let manifest = try directory.loadManifest()
        let configMap = try YAMLMeaning(yaml: manifest.configMapYAML())
        return (manifest, try YAMLMeaning(yaml: try #require(configMap["data", "sidecar.container"]?.string)))
    }

    @Test("runs as uid 8737, non-root, read-only, without privileges", arguments: ["HelloPlugin", "SlackPlugin"])
    func securityContext(example: String) throws {
        let (_, container) = try container(example)
        let context = try #require(container["securityContext"])
        #expect(context["runAsUser"]?.string == "8737")
        #expect(context["runAsNonRoot"]?.string == "true")
        #expect(context["readOnlyRootFilesystem"]?.string == "true")
        #expect(context["allowPrivilegeEscalation"]?.string == "false")
        #expect(context["capabilities", "drop"] == .sequence([.scalar(tag: "tag:yaml.org,2002:str", value: "ALL")]))
    }

    @Test("listens on the port the agent calls", arguments: [("HelloPlugin", 4355), ("SlackPlugin", 7522)])
    func port(example: String, port: Int) throws {
        let (manifest, container) = try container(example)
        #expect(manifest.port == port)
        guard case .sequence(let args)? = container["args"] else {
            Issue.record("no args")
            return
        }
        #expect(args.compactMap(\.string) == ["--port", String(port)])
    }

    @Test("the Slack webhook URL comes from a Secret, never a literal")
    func slackSecret() throws {
        let (_, container) = try container("SlackPlugin")
        guard case .sequence(let env)? = container["env"] else {
            Issue.record("no env")
            return
        }
        let url = try #require(env.first { $0["name"]?.string == "URL" })
        #expect(url["value"] == nil)
        #expect(url["valueFrom", "secretKeyRef", "name"]?.string == "slack-executor-plugin")
        #expect(url["valueFrom", "secretKeyRef", "key"]?.string == "URL")
    }
}
