import Foundation
import PluginManifest

/// Access to the vendored Argo files under `Fixtures/` (see `Fixtures/SOURCES.md`).
enum Fixtures {
    /// The folder `Fixtures/<name>` copied into the test bundle.
    static func directory(_ name: String) throws -> URL {
        guard let root = Bundle.module.resourceURL?.appendingPathComponent("Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return root.appendingPathComponent(name, isDirectory: true)
    }

    /// The text of `Fixtures/<name>/<file>`.
    static func text(_ name: String, _ file: String) throws -> String {
        try String(contentsOf: directory(name).appendingPathComponent(file), encoding: .utf8)
    }

    /// A minimal valid manifest with one line replaced or removed, for validation tests.
    ///
    /// - Parameter edit: maps each line of the template to its replacement (or `nil` to drop it).
    static func manifest(_ edit: (String) -> String? = { $0 }) -> String {
        validTemplate.split(separator: "\n", omittingEmptySubsequences: false).compactMap { edit(String($0)) }
            .joined(separator: "\n")
    }

    static let validTemplate = """
        apiVersion: argoproj.io/v1alpha1
        kind: ExecutorPlugin
        metadata:
          name: demo
        spec:
          sidecar:
            container:
              name: demo-executor-plugin
              image: demo:1
              ports:
                - containerPort: 7000
              resources:
                requests:
                  memory: 32Mi
                limits:
                  memory: 64Mi
              securityContext:
                runAsUser: 8737
        """

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("argo-plugin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
