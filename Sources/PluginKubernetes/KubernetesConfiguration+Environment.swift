import PluginHTTP

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension KubernetesConfiguration {
    /// The variables that aim a plugin at another API server for local runs (`argo-plugin fake --kubernetes`
    /// prints them): the server's URL, a token file, and the namespace (default `argo`).
    public static let developmentVariables = (
        server: "ARGO_PLUGIN_KUBERNETES_SERVER", tokenFile: "ARGO_PLUGIN_KUBERNETES_TOKEN_FILE",
        namespace: "ARGO_PLUGIN_KUBERNETES_NAMESPACE"
    )

    /// In a pod, ``inCluster(directory:environment:)``. When `ARGO_PLUGIN_KUBERNETES_SERVER` is set (a local run
    /// against `argo-plugin fake --kubernetes`), that server with the token in `ARGO_PLUGIN_KUBERNETES_TOKEN_FILE`
    /// and the namespace in `ARGO_PLUGIN_KUBERNETES_NAMESPACE`.
    public static func fromEnvironment(
        directory: String = serviceAccountDirectory, environment: [String: String]? = nil
    ) throws(ServiceConfigurationError) -> KubernetesConfiguration {
        func variable(_ name: String) -> String? {
            let value = environment.map { $0[name] } ?? getenv(name).map { String(cString: $0) }
            return value.flatMap { $0.isEmpty ? nil : $0 }
        }
        let names = developmentVariables
        guard let server = variable(names.server) else {
            return try inCluster(directory: directory, environment: environment)
        }
        guard let tokenFile = variable(names.tokenFile) else {
            throw ServiceConfigurationError("\(names.server) is set but \(names.tokenFile) is not: name the token file too")
        }
        return KubernetesConfiguration(server: server, tokenFile: tokenFile, namespace: variable(names.namespace) ?? "argo")
    }
}
