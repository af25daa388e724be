import Foundation

/// A plugin's source folder as `argo executor-plugin build DIR` sees it: `plugin.yaml`, an optional single
/// `server.*` script, and the generated `<name>-executor-plugin-configmap.yaml` beside them.
public struct PluginDirectory: Sendable {
    /// The manifest's file name inside the folder.
    public static let manifestFileName = "plugin.yaml"

    /// The folder.
    public let url: URL

    /// A plugin folder at `path`, relative to the current directory unless absolute.
    public init(path: String) {
        self.url = URL(fileURLWithPath: path, isDirectory: true)
    }

    /// Reads and validates `plugin.yaml`, putting a `server.*` script into the container's `args` as Argo does.
    ///
    /// - Throws: ``ManifestError`` attributed to `plugin.yaml` (or the folder, for a second `server.*` file).
    public func loadManifest() throws(ManifestError) -> ExecutorPluginManifest {
        let manifestURL = url.appendingPathComponent(Self.manifestFileName)
        let text: String
        do {
            text = try String(contentsOf: manifestURL, encoding: .utf8)
        } catch {
            throw ManifestError(field: "", message: "cannot read \(manifestURL.path): \(Self.reason(error))")
        }
        let scripts = serverScripts()
        if scripts.count > 1 {
            throw ManifestError(
                field: "", message: "more than one server.* file: \(scripts.joined(separator: ", "))",
                file: url.path)
        }
        var script: String?
        if let name = scripts.first {
            do {
                script = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
            } catch {
                throw ManifestError(field: "", message: "cannot read \(name): \(Self.reason(error))", file: url.path)
            }
        }
        do {
            return try ExecutorPluginManifest(yaml: text, serverScript: script)
        } catch {
            throw error.in(file: manifestURL.path)
        }
    }

    /// Where the ConfigMap for `manifest` goes: `<name>-executor-plugin-configmap.yaml` in this folder.
    public func configMapURL(for manifest: ExecutorPluginManifest) -> URL {
        url.appendingPathComponent("\(manifest.configMapName)-configmap.yaml")
    }

    /// Whether the ConfigMap file on disk is what ``ExecutorPluginManifest/configMapYAML()`` writes now.
    public enum ConfigMapState: Sendable, Equatable {
        /// The file holds exactly the current rendering.
        case upToDate
        /// There is no file yet.
        case missing
        /// The file differs: `plugin.yaml` (or `server.*`) changed since the last build, or someone edited it.
        case stale
    }

    /// Compares the ConfigMap file for `manifest` with its current rendering, for `argo-plugin build --check`.
    public func configMapState(for manifest: ExecutorPluginManifest) throws -> ConfigMapState {
        guard let existing = try? String(contentsOf: configMapURL(for: manifest), encoding: .utf8) else {
            return .missing
        }
        return existing == (try manifest.configMapYAML()) ? .upToDate : .stale
    }

    /// Writes the ConfigMap for `manifest` beside `plugin.yaml` and returns where.
    @discardableResult
    public func writeConfigMap(for manifest: ExecutorPluginManifest) throws -> URL {
        let target = configMapURL(for: manifest)
        try Data(try manifest.configMapYAML().utf8).write(to: target, options: .atomic)
        return target
    }

    /// Files named `server.<anything>` in the folder, sorted; Argo's `filepath.Glob("server.*")`.
    func serverScripts() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasPrefix("server.") }.sorted()
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
