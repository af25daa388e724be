import Foundation

extension PluginDirectory {
    /// Where the plugin's RBAC objects go: `<name>-executor-plugin-rbac.yaml` beside the ConfigMap.
    public func rbacURL(for manifest: ExecutorPluginManifest) -> URL {
        url.appendingPathComponent("\(manifest.configMapName)-rbac.yaml")
    }

    /// Where the agent's Role for the workflow's service account goes: `argo-agent-rbac.yaml`.
    public var agentRBACURL: URL { url.appendingPathComponent("argo-agent-rbac.yaml") }

    /// Reads `rbac.yaml`, or returns `nil` when the folder has none.
    public func loadRBAC() throws(ManifestError) -> PluginRBAC? {
        let file = url.appendingPathComponent(PluginRBAC.fileName)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ManifestError(field: "", message: "cannot read \(file.path): \(error)")
        }
        do {
            return try PluginRBAC(yaml: text)
        } catch {
            throw error.in(file: file.path)
        }
    }

    /// The RBAC objects for `manifest`, checked: the sidecar must mount its token and `rbac.yaml` must exist.
    public func rbacYAML(for manifest: ExecutorPluginManifest, namespace: String?) throws(ManifestError) -> String {
        let manifestPath = url.appendingPathComponent(Self.manifestFileName).path
        guard manifest.automountServiceAccountToken else {
            throw ManifestError(
                field: "spec.sidecar.automountServiceAccountToken",
                message: "is false, so Argo mounts no token and a ServiceAccount would go unused; set it to true "
                    + "for a plugin that calls the Kubernetes API", file: manifestPath)
        }
        guard let rbac = try loadRBAC() else {
            throw ManifestError(
                field: "", message: "no \(PluginRBAC.fileName): declare the Role rules the plugin needs there "
                    + "(a 'rules' list, as in a Kubernetes Role)", file: url.path)
        }
        guard let namespace = namespace ?? manifest.namespace, !namespace.isEmpty else {
            throw ManifestError(
                field: "metadata.namespace", message: "is not set: pass --namespace, the namespace where workflows "
                    + "run (a RoleBinding's subject must name the service account's namespace)", file: manifestPath)
        }
        do {
            return try manifest.rbacYAML(rbac, namespace: namespace)
        } catch {
            throw ManifestError(field: "", message: "cannot render the RBAC objects: \(error)")
        }
    }
}
