import Yams

/// An executor plugin's `plugin.yaml`, decoded strictly and validated the way `argo executor-plugin build` does.
///
/// ```swift
/// let manifest = try ExecutorPluginManifest(yaml: String(decoding: data, as: UTF8.self))
/// print(manifest.configMapName)           // "hello-executor-plugin"
/// let configMap = try manifest.configMapYAML()
/// ```
///
/// Checks, in order: the YAML parses; every field is one Argo's Go types know, with the right type (Argo uses
/// `yaml.UnmarshalStrict`); `kind` is `ExecutorPlugin`; the name makes valid Kubernetes object names; then Argo's
/// own `Sidecar.Validate` (a port, resource requests, resource limits, a security context); then what the agent pod
/// needs from Kubernetes (a container name that is a DNS-1123 label, a first port between 1 and 65535).
public struct ExecutorPluginManifest: Sendable, Equatable {
    /// The `kind` Argo's controller looks for in the ConfigMap's type label.
    public static let kind = "ExecutorPlugin"
    /// The only `apiVersion` Argo defines for plugin manifests.
    public static let apiVersion = "argoproj.io/v1alpha1"

    /// `metadata.name`: the plugin's name, from which the ConfigMap and service-account names derive.
    public let name: String
    /// `metadata.namespace`, copied into the ConfigMap when set.
    public let namespace: String?
    /// `metadata.labels`, copied into the ConfigMap.
    public let labels: [String: String]
    /// `metadata.annotations`, copied into the ConfigMap.
    public let annotations: [String: String]
    /// `spec.sidecar.automountServiceAccountToken`; the service account must then be named like the ConfigMap.
    public let automountServiceAccountToken: Bool
    /// `spec.sidecar.container.name`: the agent pod's sidecar container name.
    public let containerName: String
    /// `spec.sidecar.container.ports[0].containerPort`: where Argo's agent calls the plugin.
    public let port: Int
    /// The sidecar container as checked, with nulls removed; rendered into `sidecar.container`.
    let container: YAMLValue

    /// Decodes and validates a manifest.
    ///
    /// - Parameters:
    ///   - yaml: The text of `plugin.yaml`.
    ///   - serverScript: The contents of a `server.*` file, which Argo places in the container's `args`.
    /// - Throws: ``ManifestError`` naming the first field at fault.
    public init(yaml: String, serverScript: String? = nil) throws(ManifestError) {
        let document: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw ManifestError(field: "", message: "the file is empty")
            }
            document = node
        } catch let error as ManifestError {
            throw error
        } catch {
            throw ManifestError(field: "", message: "not valid YAML: \(error)")
        }
        guard let root = try KubernetesSchemas.plugin.check(document, at: .root) else {
            throw ManifestError(field: "", message: "the document is null")
        }
        try self.init(validating: root, serverScript: serverScript, document: document)
    }

    private init(validating root: YAMLValue, serverScript: String?, document: Node) throws(ManifestError) {
        func fail(_ field: String, _ message: String) -> ManifestError {
            ManifestError(field: field, message: message, line: Self.line(of: field, in: document))
        }
        guard let kind = root["kind"]?.stringValue else {
            throw fail("kind", "is mandatory and must be \"\(Self.kind)\"")
        }
        guard kind == Self.kind else { throw fail("kind", "must be \"\(Self.kind)\", got \"\(kind)\"") }
        if let apiVersion = root["apiVersion"]?.stringValue, apiVersion != Self.apiVersion {
            throw fail("apiVersion", "must be \"\(Self.apiVersion)\", got \"\(apiVersion)\"")
        }
        let metadata = root["metadata"]
        guard let name = metadata?["name"]?.stringValue, !name.isEmpty else {
            throw fail("metadata.name", "is mandatory")
        }
        if let problem = DNS1123.subdomainProblem(name) { throw fail("metadata.name", problem) }
        if let problem = DNS1123.subdomainProblem("\(name)-executor-plugin") {
            throw fail("metadata.name", "gives the ConfigMap name \"\(name)-executor-plugin\", which \(problem)")
        }
        let typeLabel = "workflows.argoproj.io/configmap-type"
        if let type = metadata?["labels"]?[typeLabel]?.stringValue, type != Self.kind {
            // Argo would copy it over its own label, and its controller would then never find the plugin.
            throw fail("metadata.labels", "\"\(typeLabel)\" must be \"\(Self.kind)\" or absent, got \"\(type)\"")
        }
        guard var container = root["spec"]?["sidecar"]?["container"], case .mapping(var fields) = container else {
            throw fail("spec.sidecar.container", "is mandatory")
        }
        if let serverScript {
            fields["args"] = .list([.string(serverScript)])
            container = .mapping(fields)
        }
        // Argo's `Sidecar.Validate`, in its order and with its wording.
        let path = "spec.sidecar.container"
        guard case .list(let ports)? = fields["ports"], let firstPort = ports.first else {
            throw fail("\(path).ports", "at least one port is mandatory")
        }
        guard fields["resources"]?["requests"] != nil else {
            throw fail("\(path).resources.requests", "resources requests are mandatory")
        }
        guard fields["resources"]?["limits"] != nil else {
            throw fail("\(path).resources.limits", "resources limits are mandatory")
        }
        guard fields["securityContext"] != nil else {
            throw fail("\(path).securityContext", "security context is mandatory")
        }
        // What the agent pod needs from Kubernetes on top.
        let containerName = fields["name"]?.stringValue ?? ""
        if let problem = DNS1123.labelProblem(containerName) { throw fail("\(path).name", problem) }
        guard case .integer(let port)? = firstPort["containerPort"], (1...65535).contains(port) else {
            throw fail("\(path).ports[0].containerPort", "must be a port number between 1 and 65535")
        }
        self.name = name
        self.namespace = metadata?["namespace"]?.stringValue
        self.labels = Self.strings(metadata?["labels"])
        self.annotations = Self.strings(metadata?["annotations"])
        if case .boolean(let automount)? = root["spec"]?["sidecar"]?["automountServiceAccountToken"] {
            self.automountServiceAccountToken = automount
        } else {
            self.automountServiceAccountToken = false
        }
        self.containerName = containerName
        self.port = Int(port)
        self.container = container
    }

    /// The ConfigMap's name: `<name>-executor-plugin`.
    public var configMapName: String { "\(name)-executor-plugin" }

    private static func strings(_ value: YAMLValue?) -> [String: String] {
        guard case .mapping(let fields)? = value else { return [:] }
        return fields.compactMapValues(\.stringValue)
    }

    /// The line of the deepest existing field along a dotted path (`a.b[0].c`), for error messages: the line of
    /// its key, or of the list item.
    private static func line(of field: String, in document: Node) -> Int? {
        var node = document
        var line = node.mark?.line
        for part in field.split(separator: ".") {
            let name = String(part.prefix { $0 != "[" })
            guard case .mapping(let mapping) = node,
                let (key, value) = mapping.first(where: { $0.key.string == name })
            else { break }
            node = value
            line = key.mark?.line ?? line
            if let open = part.firstIndex(of: "["), let index = Int(part[open...].dropFirst().prefix { $0 != "]" }),
                case .sequence(let items) = node, items.indices.contains(index)
            {
                node = items[index]
                line = node.mark?.line ?? line
            }
        }
        return line
    }
}
