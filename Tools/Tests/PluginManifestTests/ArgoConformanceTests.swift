import Foundation
import PluginManifest
import Testing

/// `argo-plugin build` against ConfigMaps that Argo's own `argo executor-plugin build` produced.
@Suite("Output matches Argo's own ConfigMaps")
struct ArgoConformanceTests {
    @Test("The e2e hello plugin builds to Argo's e2e ConfigMap, by meaning")
    func helloMatchesArgoE2E() throws {
        let folder = PluginDirectory(path: try Fixtures.directory("argo-e2e-hello").path)
        let manifest = try folder.loadManifest()
        let ours = try YAMLMeaning(yaml: try manifest.configMapYAML())
        let argos = try YAMLMeaning(yaml: try Fixtures.text("argo-e2e-hello", "hello-executor-plugin-configmap.yaml"))

        // `sidecar.container` is YAML inside a string: compare what it says, not how it is spelled.
        let ourContainer = try YAMLMeaning(yaml: try #require(ours["data", "sidecar.container"]?.string))
        let argoContainer = try YAMLMeaning(yaml: try #require(argos["data", "sidecar.container"]?.string))
        #expect(ourContainer == argoContainer)
        #expect(ours["data", "sidecar.automountServiceAccountToken"] == .scalar(tag: "tag:yaml.org,2002:str", value: "true"))

        // Argo's file also has `creationTimestamp: null`, the zero Go time; it is the only difference.
        let argoMetadata = try #require(argos["metadata"]).removing("creationTimestamp")
        #expect(ours["metadata"] == argoMetadata)
        #expect(ours["apiVersion"] == argos["apiVersion"])
        #expect(ours["kind"] == argos["kind"])
    }

    @Test("The e2e hello container is spelled exactly as Argo spells it")
    func helloContainerIsByteIdentical() throws {
        let manifest = try PluginDirectory(path: try Fixtures.directory("argo-e2e-hello").path).loadManifest()
        let ours = try YAMLMeaning(yaml: try manifest.configMapYAML())
        let argos = try YAMLMeaning(yaml: try Fixtures.text("argo-e2e-hello", "hello-executor-plugin-configmap.yaml"))
        #expect(ours["data", "sidecar.container"]?.string == argos["data", "sidecar.container"]?.string)
    }

    @Test("argoproj-labs' Slack plugin builds to its committed ConfigMap, line for line but two")
    func slackMatchesArgoLabs() throws {
        let manifest = try PluginDirectory(path: try Fixtures.directory("argo-labs-slack").path).loadManifest()
        let ours = try manifest.configMapYAML().split(separator: "\n", omittingEmptySubsequences: false)
        let theirs = try Fixtures.text("argo-labs-slack", "slack-executor-plugin-configmap.yaml")
            .split(separator: "\n", omittingEmptySubsequences: false)
        // That file predates Argo writing `sidecar.automountServiceAccountToken` always; it still has
        // `creationTimestamp: null`. Everything else, header included, must be identical.
        let added = ours.filter { !theirs.contains($0) }
        let removed = theirs.filter { !ours.contains($0) }
        #expect(added == [#"  sidecar.automountServiceAccountToken: "false""#])
        #expect(removed == ["  creationTimestamp: null"])
        #expect(ours.first == "# This is an auto-generated file. DO NOT EDIT")
    }

    @Test("The manifest exposes the facts Argo's agent uses")
    func manifestFacts() throws {
        let manifest = try PluginDirectory(path: try Fixtures.directory("argo-labs-slack").path).loadManifest()
        #expect(manifest.name == "slack")
        #expect(manifest.configMapName == "slack-executor-plugin")
        #expect(manifest.containerName == "slack-executor-plugin")
        #expect(manifest.port == 7522)
        #expect(manifest.automountServiceAccountToken == false)
        #expect(manifest.annotations["workflows.argoproj.io/version"] == ">= v3.3")
    }
}
