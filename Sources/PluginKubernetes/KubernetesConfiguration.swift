import PluginHTTP
import PluginSDK

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the Kubernetes API is and who the plugin is there: the API server's URL, the service-account token
/// file, the cluster CA and the pod's namespace.
///
/// In the agent pod, ``inCluster(directory:environment:)`` reads them where Kubernetes and Argo put them. Argo
/// mounts a token into a plugin's sidecar only when its plugin.yaml says `automountServiceAccountToken: true`,
/// and then it is the token of the ServiceAccount `<plugin>-executor-plugin` (see "Kubernetes access and RBAC").
public struct KubernetesConfiguration: Sendable {
    /// The API server, e.g. `https://10.96.0.1:443`.
    public var server: String
    /// The file the bearer token is read from; read again whenever it changes (token rotation).
    public var tokenFile: String
    /// The cluster CA (PEM); `nil` to use the system trust store (or for plain `http` in tests).
    public var caFile: String?
    /// The pod's namespace, used when a call does not name one.
    public var namespace: String
    /// The service account the token belongs to, as `namespace:name`, for error messages.
    public var serviceAccount: String
    /// The client's time limits and retry statuses (auth and trust are set from the members above).
    public var service: ServiceConfiguration

    /// Where Kubernetes mounts a pod's service-account token, CA and namespace.
    public static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// A configuration of your own: a fake API server in tests, a proxy, another cluster.
    public init(
        server: String, tokenFile: String, caFile: String? = nil, namespace: String, serviceAccount: String? = nil,
        service: ServiceConfiguration = ServiceConfiguration(name: "Kubernetes")
    ) {
        self.server = server
        self.tokenFile = tokenFile
        self.caFile = caFile
        self.namespace = namespace
        self.serviceAccount = serviceAccount ?? Self.serviceAccount(fromTokenFile: tokenFile) ?? "(unknown service account)"
        self.service = service
    }

    /// The in-cluster configuration: `KUBERNETES_SERVICE_HOST` and `KUBERNETES_SERVICE_PORT` from the
    /// environment, and `token`, `ca.crt` and `namespace` from `directory`. Everything is checked now, so a plugin
    /// that lacks its token fails at start-up with one line saying what to change.
    ///
    /// - Parameters:
    ///   - directory: where the service-account files are (tests pass a folder of their own).
    ///   - environment: the variables to read; `nil` reads the process environment.
    public static func inCluster(
        directory: String = serviceAccountDirectory, environment: [String: String]? = nil
    ) throws(ServiceConfigurationError) -> KubernetesConfiguration {
        func variable(_ name: String) -> String? {
            if let environment { return environment[name] }
            return getenv(name).map { String(cString: $0) }
        }
        guard let host = variable("KUBERNETES_SERVICE_HOST"), !host.isEmpty else {
            throw ServiceConfigurationError(
                "KUBERNETES_SERVICE_HOST is not set: the plugin is not running in a Kubernetes pod (outside a cluster, "
                    + "build a KubernetesConfiguration(server:tokenFile:namespace:) yourself)")
        }
        let port = variable("KUBERNETES_SERVICE_PORT").flatMap { $0.isEmpty ? nil : $0 } ?? "443"
        let tokenFile = directory + "/token"
        guard FileBytes.exists(tokenFile) else {
            throw ServiceConfigurationError(
                "no service-account token at \(tokenFile): set automountServiceAccountToken: true in plugin.yaml and "
                    + "create the ServiceAccount <plugin>-executor-plugin with its token Secret (argo-plugin build --rbac)")
        }
        let namespace: String
        switch FileBytes.read(directory + "/namespace", limit: 1024) {
        case .success(let bytes): namespace = String(decoding: bytes, as: UTF8.self).filter { !$0.isWhitespace }
        case .failure(let error):
            throw ServiceConfigurationError("cannot read the namespace file \(directory)/namespace: \(error.reason)")
        }
        let literal = host.contains(":") ? "[\(host)]" : host
        return KubernetesConfiguration(
            server: "https://\(literal):\(port)", tokenFile: tokenFile, caFile: directory + "/ca.crt",
            namespace: namespace)
    }

    /// `namespace:name` from a service-account token's `sub` claim (`system:serviceaccount:<ns>:<name>`).
    static func serviceAccount(fromTokenFile path: String) -> String? {
        guard case .success(let bytes) = FileBytes.read(path, limit: 64 * 1024) else { return nil }
        let parts = String(decoding: bytes, as: UTF8.self).split(separator: ".")
        guard parts.count == 3, let payload = Base64.decode(String(parts[1])),
            let claims = try? PluginJSONDecoder().decode(JSONValue.self, from: payload),
            let subject = claims["sub"]?.stringValue, subject.hasPrefix("system:serviceaccount:")
        else { return nil }
        return String(subject.dropFirst("system:serviceaccount:".count))
    }
}
