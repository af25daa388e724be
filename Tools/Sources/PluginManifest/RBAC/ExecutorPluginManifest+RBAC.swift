extension ExecutorPluginManifest {
    /// The service account Argo mounts into the plugin's sidecar: `<name>-executor-plugin`.
    public var serviceAccountName: String { configMapName }

    /// The Secret holding its token, under the name Argo's controller looks up when the ServiceAccount lists no
    /// secret: `<name>-executor-plugin.service-account-token`.
    public var tokenSecretName: String { "\(serviceAccountName).service-account-token" }

    /// The objects a token-mounting plugin needs, as one multi-document YAML: the ServiceAccount, its token
    /// Secret (type `kubernetes.io/service-account-token`, which Kubernetes fills in), and a Role with `rbac`'s
    /// rules bound to the account.
    ///
    /// Argo looks the ServiceAccount up in the workflow's namespace, so these objects go there (one set per
    /// namespace that runs workflows with the plugin). `namespace` is required because a RoleBinding's subject
    /// must name the account's namespace.
    public func rbacYAML(_ rbac: PluginRBAC, namespace: String) throws -> String {
        let meta: (String) -> YAMLValue = { name in
            .mapping(["name": .string(name), "namespace": .string(namespace), "labels": .mapping(self.rbacLabels)])
        }
        let serviceAccount: YAMLValue = .mapping([
            "apiVersion": .string("v1"), "kind": .string("ServiceAccount"), "metadata": meta(serviceAccountName),
        ])
        var secretMeta = meta(tokenSecretName)
        if case .mapping(var fields) = secretMeta {
            fields["annotations"] = .mapping(["kubernetes.io/service-account.name": .string(serviceAccountName)])
            secretMeta = .mapping(fields)
        }
        let secret: YAMLValue = .mapping([
            "apiVersion": .string("v1"), "kind": .string("Secret"), "metadata": secretMeta,
            "type": .string("kubernetes.io/service-account-token"),
        ])
        let role: YAMLValue = .mapping([
            "apiVersion": .string("rbac.authorization.k8s.io/v1"), "kind": .string("Role"),
            "metadata": meta(serviceAccountName), "rules": .list(rbac.rules.map(\.yaml)),
        ])
        let binding: YAMLValue = .mapping([
            "apiVersion": .string("rbac.authorization.k8s.io/v1"), "kind": .string("RoleBinding"),
            "metadata": meta(serviceAccountName),
            "roleRef": .mapping([
                "apiGroup": .string("rbac.authorization.k8s.io"), "kind": .string("Role"),
                "name": .string(serviceAccountName),
            ]),
            "subjects": .list([
                .mapping([
                    "kind": .string("ServiceAccount"), "name": .string(serviceAccountName),
                    "namespace": .string(namespace),
                ])
            ]),
        ])
        let documents = try [serviceAccount, secret, role, binding].map { try $0.yamlDocument() }
        return "\(Self.generatedHeader)\n" + documents.joined(separator: "---\n")
    }

    /// The Role (and its binding to `serviceAccount`) that a workflow's service account needs for Argo's agent
    /// pod, which runs executor plugins: Argo's own `agent` role (manifests/quick-start/base/agent-role.yaml) —
    /// the agent watches its WorkflowTaskSet (`list`, `watch`) and writes results to its status (`patch
    /// workflowtasksets/status`; Argo v3.2 and earlier patched `workflowtasksets` itself) — plus the executor's
    /// `workflowtaskresults` `create` and `patch` (Argo v3.4+), which the same account needs when the workflow
    /// also runs pod steps.
    public static func agentRBACYAML(serviceAccount: String, namespace: String) throws -> String {
        let rules: [PluginRBAC.Rule] = [
            .init(apiGroups: ["argoproj.io"], resources: ["workflowtasksets"], verbs: ["list", "watch"]),
            .init(apiGroups: ["argoproj.io"], resources: ["workflowtasksets/status"], verbs: ["patch"]),
            .init(apiGroups: ["argoproj.io"], resources: ["workflowtaskresults"], verbs: ["create", "patch"]),
        ]
        let labels: YAMLValue = .mapping(["app.kubernetes.io/managed-by": .string("argo-plugin")])
        let role: YAMLValue = .mapping([
            "apiVersion": .string("rbac.authorization.k8s.io/v1"), "kind": .string("Role"),
            "metadata": .mapping(["name": .string("argo-agent"), "namespace": .string(namespace), "labels": labels]),
            "rules": .list(rules.map(\.yaml)),
        ])
        let binding: YAMLValue = .mapping([
            "apiVersion": .string("rbac.authorization.k8s.io/v1"), "kind": .string("RoleBinding"),
            "metadata": .mapping([
                "name": .string("argo-agent-\(serviceAccount)"), "namespace": .string(namespace), "labels": labels,
            ]),
            "roleRef": .mapping([
                "apiGroup": .string("rbac.authorization.k8s.io"), "kind": .string("Role"), "name": .string("argo-agent"),
            ]),
            "subjects": .list([
                .mapping([
                    "kind": .string("ServiceAccount"), "name": .string(serviceAccount), "namespace": .string(namespace),
                ])
            ]),
        ])
        let header = """
            \(generatedHeader)
            # What the workflow's service account (\(serviceAccount)) needs for Argo's agent pod, which runs executor
            # plugins: watch its WorkflowTaskSet and patch the results into its status. workflowtaskresults is the
            # executor's, for the workflow's pod steps.

            """
        return header + (try [role, binding].map { try $0.yamlDocument() }).joined(separator: "---\n")
    }

    private var rbacLabels: [String: YAMLValue] {
        ["app.kubernetes.io/managed-by": .string("argo-plugin"), "workflows.argoproj.io/executor-plugin": .string(name)]
    }
}
