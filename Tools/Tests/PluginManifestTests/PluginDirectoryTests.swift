import Foundation
import PluginManifest
import Testing
import ToolTestSupport

/// Reading a plugin folder as `argo executor-plugin build DIR` does.
@Suite("Plugin folders")
struct PluginDirectoryTests {
    private func folder(manifest: String, files: [String: String] = [:]) throws -> PluginDirectory {
        let url = try Fixtures.temporaryFolder()
        try manifest.write(to: url.appendingPathComponent("plugin.yaml"), atomically: true, encoding: .utf8)
        for (name, text) in files {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return PluginDirectory(path: url.path)
    }

    @Test("A server.* file becomes the container's only argument")
    func serverScriptBecomesArgs() throws {
        let script = "print('hi')\n"
        let directory = try folder(manifest: Fixtures.manifest(), files: ["server.py": script])
        let configMap = try YAMLMeaning(yaml: try directory.loadManifest().configMapYAML())
        let container = try YAMLMeaning(yaml: try #require(configMap["data", "sidecar.container"]?.string))
        #expect(container["args"] == .sequence([.scalar(tag: "tag:yaml.org,2002:str", value: script)]))
    }

    @Test("Two server.* files are an error naming both")
    func twoServerScripts() throws {
        let directory = try folder(manifest: Fixtures.manifest(), files: ["server.py": "", "server.js": ""])
        #expect {
            try directory.loadManifest()
        } throws: { error in
            "\(error)".contains("more than one server.* file: server.js, server.py")
        }
    }

    @Test("Errors name plugin.yaml and the line")
    func errorsNameTheFile() throws {
        let directory = try folder(manifest: Fixtures.manifest() + "\nextra: 1")
        do {
            _ = try directory.loadManifest()
            Issue.record("expected an error")
        } catch {
            #expect(error.file?.hasSuffix("/plugin.yaml") == true)
            #expect("\(error)".hasSuffix("plugin.yaml:19: extra: unknown field \"extra\""))
        }
    }

    @Test("A folder without plugin.yaml is an error saying so")
    func missingManifest() throws {
        let directory = PluginDirectory(path: try Fixtures.temporaryFolder().path)
        #expect {
            try directory.loadManifest()
        } throws: { error in
            "\(error)".contains("cannot read") && "\(error)".contains("plugin.yaml")
        }
    }

    @Test("The ConfigMap goes beside plugin.yaml as <name>-executor-plugin-configmap.yaml")
    func configMapLocation() throws {
        let directory = try folder(manifest: Fixtures.manifest())
        let url = directory.configMapURL(for: try directory.loadManifest())
        #expect(url.lastPathComponent == "demo-executor-plugin-configmap.yaml")
        #expect(url.deletingLastPathComponent().standardizedFileURL == directory.url.standardizedFileURL)
    }
}

/// `argo-plugin build --check`: is the committed ConfigMap current?
@Suite("ConfigMap freshness")
struct ConfigMapStateTests {
    @Test("missing before a build, up to date after it, stale once plugin.yaml changes")
    func lifecycle() throws {
        let url = try Fixtures.temporaryFolder()
        let manifestURL = url.appendingPathComponent("plugin.yaml")
        try Fixtures.manifest().write(to: manifestURL, atomically: true, encoding: .utf8)
        let directory = PluginDirectory(path: url.path)
        #expect(try directory.configMapState(for: directory.loadManifest()) == .missing)

        let written = try directory.writeConfigMap(for: directory.loadManifest())
        #expect(try directory.configMapState(for: directory.loadManifest()) == .upToDate)
        #expect(try String(contentsOf: written, encoding: .utf8) == directory.loadManifest().configMapYAML())

        try Fixtures.manifest { $0.replacingOccurrences(of: "memory: 64Mi", with: "memory: 128Mi") }
            .write(to: manifestURL, atomically: true, encoding: .utf8)
        #expect(try directory.configMapState(for: directory.loadManifest()) == .stale)
    }

    @Test("the committed example ConfigMaps are up to date", arguments: ["HelloPlugin", "SlackPlugin"])
    func examplesAreCurrent(example: String) throws {
        let root = Repository.root
        let directory = PluginDirectory(path: root.appendingPathComponent("Examples/\(example)").path)
        let manifest = try directory.loadManifest()
        #expect(try directory.configMapState(for: manifest) == .upToDate, "run `swift run argo-plugin build Examples/\(example)`")
    }
}
