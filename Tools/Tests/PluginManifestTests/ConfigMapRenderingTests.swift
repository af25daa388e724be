import Foundation
import PluginManifest
import Testing

/// What `configMapYAML()` and `workflowLevelYAML()` write, beyond the Argo fixtures.
@Suite("ConfigMap and workflow-level rendering")
struct ConfigMapRenderingTests {
    private func render(_ yaml: String) throws -> YAMLMeaning {
        try YAMLMeaning(yaml: try ExecutorPluginManifest(yaml: yaml).configMapYAML())
    }

    @Test("Labels and annotations are copied and the type label added; the namespace is kept")
    func metadataIsCopied() throws {
        let configMap = try render(
            Fixtures.manifest {
                $0 == "  name: demo"
                    ? "  name: demo\n  namespace: argo\n  labels: {team: ci}\n  annotations: {note: \"on\"}" : $0
            })
        #expect(configMap["metadata", "name"]?.string == "demo-executor-plugin")
        #expect(configMap["metadata", "namespace"]?.string == "argo")
        #expect(configMap["metadata", "labels", "team"]?.string == "ci")
        #expect(configMap["metadata", "labels", "workflows.argoproj.io/configmap-type"]?.string == "ExecutorPlugin")
        #expect(configMap["metadata", "annotations", "note"]?.string == "on")
        #expect(configMap["kind"]?.string == "ConfigMap")
        #expect(configMap["apiVersion"]?.string == "v1")
    }

    @Test("automountServiceAccountToken is written as the string \"false\" when absent and \"true\" when set")
    func automountIsAString() throws {
        let absent = try render(Fixtures.manifest())
        #expect(absent["data", "sidecar.automountServiceAccountToken"] == .scalar(tag: "tag:yaml.org,2002:str", value: "false"))
        let set = try render(
            Fixtures.manifest { $0 == "    container:" ? "    automountServiceAccountToken: true\n    container:" : $0 })
        #expect(set["data", "sidecar.automountServiceAccountToken"]?.string == "true")
    }

    @Test("Strings that look like other types stay strings, nulls vanish, keys are sorted")
    func containerNormalisation() throws {
        let yaml = Fixtures.manifest {
            $0.contains("image: demo:1")
                ? "      image: demo:1\n      workingDir: null\n      env:\n        - {name: DEBUG, value: \"true\"}\n        - {name: PORT, value: 7000}"
                : $0
        }
        let text = try #require(try render(yaml)["data", "sidecar.container"]?.string)
        let container = try YAMLMeaning(yaml: text)
        #expect(container["workingDir"] == nil)
        guard case .sequence(let env)? = container["env"] else {
            Issue.record("env is not a list")
            return
        }
        #expect(env[0]["value"] == .scalar(tag: "tag:yaml.org,2002:str", value: "true"))
        #expect(env[1]["value"] == .scalar(tag: "tag:yaml.org,2002:str", value: "7000"))
        let topKeys = text.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("-") }
            .map { String($0.prefix { $0 != ":" }) }
        #expect(topKeys == topKeys.sorted())
        #expect(topKeys.first == "env")
    }

    @Test("The workflow-level form nests the same container under spec.executorPlugins")
    func workflowLevel() throws {
        let manifest = try ExecutorPluginManifest(yaml: Fixtures.manifest())
        let text = try manifest.workflowLevelYAML()
        let fragment = try YAMLMeaning(yaml: text)
        guard case .sequence(let plugins)? = fragment["executorPlugins"], let plugin = plugins.first else {
            Issue.record("no executorPlugins list in:\n\(text)")
            return
        }
        #expect(plugins.count == 1)
        #expect(plugin["metadata", "name"]?.string == "demo")
        #expect(plugin["spec", "sidecar", "automountServiceAccountToken"] == nil, "omitempty drops false")
        let fromConfigMap = try YAMLMeaning(
            yaml: try #require(try YAMLMeaning(yaml: manifest.configMapYAML())["data", "sidecar.container"]?.string))
        #expect(plugin["spec", "sidecar", "container"] == fromConfigMap)
    }
}
