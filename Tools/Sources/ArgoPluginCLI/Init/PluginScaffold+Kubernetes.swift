extension PluginScaffold {
    /// `rbac.yaml` for `--kubernetes`: what the plugin's service account may do.
    var rbacYAML: String {
        """
        # What the \(name)-executor-plugin service account may do in the workflow's namespace. `argo-plugin build .
        # --rbac --namespace NS` turns it into a Role bound to that account (beside the ServiceAccount and its token
        # Secret, which Argo mounts into the sidecar). Argo's own `argo executor-plugin build` ignores this file.
        rules:
          # Read the workflow the call is about (KubernetesClient.workflow(for:)).
          - apiGroups: [argoproj.io]
            resources: [workflows]
            verbs: [get]

        """
    }

    var kubernetesPluginSwift: String {
        """
        import PluginKubernetes
        import PluginSDK

        /// The `\(name)` executor plugin: reads the workflow it runs in from the Kubernetes API and reports on it.
        ///
        /// `plugin: {\(name): {}}` answers `Succeeded` with the workflow's entrypoint and how many nodes its status
        /// lists, and the output parameter `entrypoint`. Templates of other plugins get `{}` without reaching this
        /// code. The sidecar mounts its service-account token (plugin.yaml) and may `get` workflows (rbac.yaml).
        public struct \(typeName): TemplatePlugin {
            public static let key = "\(name)"

            /// What `plugin.\(name)` holds in the workflow (nothing yet).
            public struct Parameters: Decodable, Sendable {}

            let kubernetes: KubernetesClient

            /// A plugin that reads workflows through `kubernetes`.
            public init(kubernetes: KubernetesClient) {
                self.kubernetes = kubernetes
            }

            public func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
                // Spec and status, which Argo's request does not carry. 401/403 fail the node naming the service
                // account and the missing permission; 429/5xx and timeouts are retried by Argo.
                let workflow = try await kubernetes.workflow(for: context)
                let entrypoint = workflow.unknownFields["spec"]?["entrypoint"]?.stringValue ?? ""
                let nodes = workflow.unknownFields["status"]?["nodes"]?.objectValue?.count ?? 0
                let text = "workflow \\(context.workflowName) starts at '\\(entrypoint)' and has \\(nodes) nodes"
                return .succeeded(message: text, outputs: Outputs().parameter("entrypoint", entrypoint))
            }
        }

        """
    }

    var kubernetesMainSwift: String {
        """
        import \(typeName)
        import PluginKubernetes
        import PluginSDK

        // Wiring only: the logic lives in \(typeName).swift, where the tests call it. In the agent pod the client
        // reads the mounted service-account token; without one the plugin stops here with one line saying why.
        // For local runs, `argo-plugin fake --kubernetes \(name)-workflow.yaml` prints the variables to set.
        var configuration = PluginConfiguration()
        configuration.port = \(port)
        await PluginRuntime.run(
            \(typeName)(kubernetes: try KubernetesClient(.fromEnvironment())), configuration: configuration)

        """
    }

    var kubernetesTestsSwift: String {
        """
        import PluginKubernetes
        import PluginSDKTesting
        import Testing
        import \(typeName)

        @Suite("\(typeName)")
        struct \(typeName)Tests {
            /// The workflow the fake API server holds: the fixtures' name and namespace, with a spec and a status.
            static let workflow = Workflow(
                metadata: ObjectMeta(name: FixtureDefaults.workflowName, namespace: FixtureDefaults.namespace),
                unknownFields: ["spec": ["entrypoint": "main"], "status": ["nodes": ["a": [:], "b": [:]]]])

            /// Runs `body` with the plugin aimed at a fake Kubernetes API.
            func withPlugin(_ body: (\(typeName), FakeKubernetes) async throws -> Void) async throws {
                let fake = try await FakeKubernetes.start(workflows: [Self.workflow])
                let configuration = KubernetesConfiguration(
                    server: fake.url, tokenFile: try fake.writeTokenFile(), namespace: FixtureDefaults.namespace)
                do {
                    try await body(\(typeName)(kubernetes: try KubernetesClient(configuration)), fake)
                } catch {
                    await fake.service.stop()
                    throw error
                }
                await fake.service.stop()
            }

            @Test("reads its workflow from the Kubernetes API and reports the entrypoint and node count")
            func readsWorkflow() async throws {
                try await withPlugin { plugin, _ in
                    try await PluginTestClient.with(plugin, transport: .inProcess) { client async throws in
                        let reply = try await client.execute(.fixture(plugin: "\(name)"))
                        #expect(reply.node?.phase == .succeeded)
                        #expect(reply.node?.message == "workflow \\(FixtureDefaults.workflowName) starts at 'main' and has 2 nodes")
                        #expect(reply.node?.outputs?.parameters?.first?.value?.string == "main")
                    }
                }
            }

            @Test("fails the node naming the service account and verb when RBAC refuses the read")
            func forbidden() async throws {
                try await withPlugin { plugin, fake in
                    fake.forbid("get", "workflows.argoproj.io")
                    try await PluginTestClient.with(plugin, transport: .inProcess) { client async throws in
                        let reply = try await client.execute(.fixture(plugin: "\(name)"))
                        #expect(reply.node?.phase == .failed)
                        #expect(reply.node?.message?.contains("get workflows.argoproj.io") == true)
                    }
                }
            }

            @Test("follows Argo's plugin contract, in process and over a socket")
            func conformance() async throws {
                try await withPlugin { plugin, _ in
                    try await PluginConformance.check(plugin, sample: .fixture(plugin: "\(name)"))
                }
            }
        }

        """
    }
}
