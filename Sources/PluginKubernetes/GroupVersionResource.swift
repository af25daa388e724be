/// A kind of Kubernetes resource as the API addresses it: group, version and plural resource name.
///
/// ```swift
/// let configMaps = GroupVersionResource(group: "", version: "v1", resource: "configmaps")
/// let jobs = GroupVersionResource(group: "batch", version: "v1", resource: "jobs")
/// ```
public struct GroupVersionResource: Sendable, Hashable, CustomStringConvertible {
    /// The API group; empty for the core group (pods, configmaps, secrets...).
    public var group: String
    /// The version, e.g. `v1`.
    public var version: String
    /// The plural resource name, e.g. `configmaps`.
    public var resource: String
    /// Whether objects live in a namespace (most do; nodes and namespaces do not).
    public var namespaced: Bool

    /// Creates a resource type.
    public init(group: String, version: String, resource: String, namespaced: Bool = true) {
        self.group = group
        self.version = version
        self.resource = resource
        self.namespaced = namespaced
    }

    /// Argo's workflows.
    public static let workflows = GroupVersionResource(group: "argoproj.io", version: "v1alpha1", resource: "workflows")
    /// Config maps.
    public static let configMaps = GroupVersionResource(group: "", version: "v1", resource: "configmaps")
    /// Secrets.
    public static let secrets = GroupVersionResource(group: "", version: "v1", resource: "secrets")
    /// Pods.
    public static let pods = GroupVersionResource(group: "", version: "v1", resource: "pods")
    /// Events.
    public static let events = GroupVersionResource(group: "", version: "v1", resource: "events")

    /// `configmaps` or `workflows.argoproj.io`, as RBAC messages and `kubectl` name it.
    public var description: String {
        group.isEmpty ? resource : "\(resource).\(group)"
    }

    /// The API path of the collection (`name == nil`) or of one object, with an optional subresource.
    func path(namespace: String?, name: String? = nil, subresource: String? = nil) -> String {
        var path = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        if namespaced, let namespace { path += "/namespaces/\(ServiceRequest.escape(namespace))" }
        path += "/\(resource)"
        if let name { path += "/\(ServiceRequest.escape(name))" }
        if let subresource { path += "/\(subresource)" }
        return path
    }
}
