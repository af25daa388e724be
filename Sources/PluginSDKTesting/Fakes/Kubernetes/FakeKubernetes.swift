import PluginSDK

/// A stand-in for the Kubernetes API server: serves the Workflows and other objects it was given, stores what the
/// plugin creates and patches, and records every write for assertions. Built on ``FakeService``, so failures are
/// injected the same way (``forbid(_:_:)``, or routes of your own on ``service``, which take precedence).
///
/// ```swift
/// let kubernetes = try await FakeKubernetes.start(workflows: [.fixture(name: "build-42", namespace: "argo")])
/// let client = try KubernetesClient(KubernetesConfiguration(
///     server: kubernetes.url, tokenFile: try kubernetes.writeTokenFile(), namespace: "argo"))
/// ... run the plugin ...
/// #expect(kubernetes.writes.map(\.verb) == ["create"])
/// ```
///
/// It speaks enough of the API for plugins: get, list (with `labelSelector` equality terms), create (409 when
/// the name exists), merge, strategic-merge (treated as merge) and JSON patches, update and delete, namespaced and
/// cluster-scoped paths, `Status` bodies for refusals, and 401 for a wrong bearer token.
public final class FakeKubernetes: Sendable {
    /// A write the API server accepted.
    public struct Write: Sendable {
        /// `create`, `patch`, `update` or `delete`.
        public var verb: String
        /// The resource as RBAC names it: `configmaps`, `workflows.argoproj.io`.
        public var resource: String
        /// The namespace, if any.
        public var namespace: String?
        /// The object's name.
        public var name: String
        /// The subresource written, e.g. `status`.
        public var subresource: String?
        /// The request's `Content-Type` (the patch format, for patches).
        public var contentType: String?
        /// The request body (the object or the patch).
        public var body: JSONValue?
    }

    private struct State {
        var objects: [String: JSONValue] = [:]
        var writes: [Write] = []
        var forbidden: Set<String> = []
        var created = 0
    }

    /// The HTTP server underneath; add routes to it to inject other failures.
    public let service: FakeService
    /// The bearer token requests must carry.
    public let token: String
    private let state = PlatformLock(State())

    private init(service: FakeService, token: String) {
        self.service = service
        self.token = token
    }

    /// Starts a fake API server holding `workflows`.
    public static func start(workflows: [Workflow] = [], token: String = "fake-kubernetes-token") async throws
        -> FakeKubernetes
    {
        let service = FakeService()
        let fake = FakeKubernetes(service: service, token: token)
        for workflow in workflows { try fake.add(workflow) }
        service.route(FakeRoute(nil, "/api/**") { [fake] in fake.answer($0) })
        service.route(FakeRoute(nil, "/apis/**") { [fake] in fake.answer($0) })
        try service.listen()
        return fake
    }

    /// `http://127.0.0.1:<port>`.
    public var url: String { service.url }

    /// Writes accepted so far, oldest first.
    public var writes: [Write] { state.withLock { $0.writes } }

    /// Stores `workflow` so the plugin can read it.
    public func add(_ workflow: Workflow) throws {
        let object = try PluginJSONDecoder().decode(JSONValue.self, from: PluginJSONEncoder().encode(workflow))
        add(object, group: "argoproj.io", resource: "workflows")
    }

    /// Stores any object (its `metadata.name` and `metadata.namespace` say where).
    public func add(_ object: JSONValue, group: String = "", resource: String) {
        let namespace = object["metadata"]?["namespace"]?.stringValue
        let name = object["metadata"]?["name"]?.stringValue ?? ""
        state.withLock { $0.objects[Self.key(group, resource, namespace, name)] = object }
    }

    /// The stored object, as the plugin left it.
    public func object(group: String = "", resource: String, namespace: String?, name: String) -> JSONValue? {
        state.withLock { $0.objects[Self.key(group, resource, namespace, name)] }
    }

    /// Refuses `verb` on `resource` (as RBAC names it, e.g. `configmaps` or `workflows.argoproj.io`) with 403.
    public func forbid(_ verb: String, _ resource: String) {
        state.withLock { _ = $0.forbidden.insert("\(verb) \(resource)") }
    }

    /// Writes a service-account token for `namespace:name` (JWT-shaped, with the `sub` claim the client reads for
    /// its messages) to a new temporary file and returns its path.
    public func writeTokenFile(serviceAccount: String = "argo:test-executor-plugin") throws -> String {
        try Self.writeTokenFile(token: token, serviceAccount: serviceAccount)
    }

    /// Writes a token file holding `token` for `namespace:name` without a running fake (a wrong token, say).
    public static func writeTokenFile(token: String, serviceAccount: String = "argo:test-executor-plugin") throws -> String {
        try TemporaryFiles.write(FakeServiceAccountToken.make(token: token, serviceAccount: serviceAccount), name: "token")
    }

    static func key(_ group: String, _ resource: String, _ namespace: String?, _ name: String) -> String {
        "\(group)|\(resource)|\(namespace ?? "")|\(name)"
    }

    private func answer(_ request: RecordedRequest) -> FakeReply {
        guard let auth = request.header("Authorization"), auth.hasPrefix("Bearer "),
            FakeServiceAccountToken.matches(String(auth.dropFirst(7)), token: token)
        else { return KubernetesStatus.reply(401, "Unauthorized", "Unauthorized") }
        guard let target = APITarget(path: request.path) else {
            return KubernetesStatus.reply(404, "NotFound", "the server could not find the requested resource")
        }
        let verb = target.verb(for: request.method)
        let refused = state.withLock { $0.forbidden.contains("\(verb) \(target.rbacResource)") }
        if refused {
            return KubernetesStatus.reply(
                403, "Forbidden",
                "\(target.rbacResource) is forbidden: User \"system:serviceaccount:fake\" cannot \(verb) resource "
                    + "\"\(target.resource)\" in API group \"\(target.group)\"")
        }
        return state.withLock { state in
            FakeKubernetesStore.apply(verb: verb, target: target, request: request, state: &state.objects,
                                      created: &state.created, record: { state.writes.append($0) })
        }
    }
}
