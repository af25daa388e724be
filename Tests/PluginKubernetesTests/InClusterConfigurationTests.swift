import Foundation
import PluginKubernetes
import PluginSDKTesting
import Testing

/// In-cluster configuration from an injected service-account folder and environment.
@Suite("KubernetesConfiguration.inCluster")
struct InClusterConfigurationTests {
    /// A folder laid out as Kubernetes mounts a service account, minus the files named in `omit`.
    func serviceAccountDirectory(omit: Set<String> = []) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sa-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let token = try FakeKubernetes.writeTokenFile(token: "t", serviceAccount: "argo:hello-executor-plugin")
        let files = [
            "token": try String(contentsOfFile: token, encoding: .utf8), "namespace": "argo\n",
            "ca.crt": try String(contentsOfFile: caPath, encoding: .utf8),
        ]
        for (name, content) in files where !omit.contains(name) {
            try content.write(to: url.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        return url.path
    }

    var caPath: String { Bundle.module.path(forResource: "test-ca", ofType: "pem")! }

    @Test("reads host, port, token, CA and namespace, and the service account from the token")
    func reads() throws {
        let directory = try serviceAccountDirectory()
        let configuration = try KubernetesConfiguration.inCluster(
            directory: directory, environment: ["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "6443"])
        #expect(configuration.server == "https://10.96.0.1:6443")
        #expect(configuration.namespace == "argo")
        #expect(configuration.tokenFile == directory + "/token")
        #expect(configuration.caFile == directory + "/ca.crt")
        #expect(configuration.serviceAccount == "argo:hello-executor-plugin")
        _ = try KubernetesClient(configuration)
        let v6 = try KubernetesConfiguration.inCluster(directory: directory, environment: ["KUBERNETES_SERVICE_HOST": "fd00::1"])
        #expect(v6.server == "https://[fd00::1]:443")
    }

    @Test("outside a pod, or without a mounted token, start-up fails with one line saying what to change")
    func failures() throws {
        #expect {
            _ = try KubernetesConfiguration.inCluster(directory: try serviceAccountDirectory(), environment: [:])
        } throws: { error in
            "\(error)".hasPrefix("KUBERNETES_SERVICE_HOST is not set")
        }
        #expect {
            _ = try KubernetesConfiguration.inCluster(
                directory: try serviceAccountDirectory(omit: ["token"]), environment: ["KUBERNETES_SERVICE_HOST": "h"])
        } throws: { error in
            "\(error)".contains("automountServiceAccountToken: true") && !"\(error)".contains("\n")
        }
        let noCA = try KubernetesConfiguration.inCluster(
            directory: try serviceAccountDirectory(omit: ["ca.crt"]), environment: ["KUBERNETES_SERVICE_HOST": "h"])
        #expect {
            _ = try KubernetesClient(noCA)
        } throws: { error in
            "\(error)".hasPrefix("cannot read the CA file")
        }
    }
}

/// Local runs: `argo-plugin fake --kubernetes` prints the variables `fromEnvironment` reads.
@Suite("KubernetesConfiguration.fromEnvironment")
struct EnvironmentConfigurationTests {
    @Test("ARGO_PLUGIN_KUBERNETES_SERVER aims the client at another server; without it, the in-cluster rules apply")
    func development() throws {
        let configuration = try KubernetesConfiguration.fromEnvironment(environment: [
            "ARGO_PLUGIN_KUBERNETES_SERVER": "http://127.0.0.1:9", "ARGO_PLUGIN_KUBERNETES_TOKEN_FILE": "/tmp/t",
        ])
        #expect(configuration.server == "http://127.0.0.1:9")
        #expect(configuration.namespace == "argo")
        #expect(configuration.caFile == nil)
        #expect(throws: ServiceConfigurationError.self) {
            _ = try KubernetesConfiguration.fromEnvironment(environment: ["ARGO_PLUGIN_KUBERNETES_SERVER": "http://x"])
        }
        #expect {
            _ = try KubernetesConfiguration.fromEnvironment(environment: [:])
        } throws: { error in
            "\(error)".hasPrefix("KUBERNETES_SERVICE_HOST is not set")
        }
    }
}
