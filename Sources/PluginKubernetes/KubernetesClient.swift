import PluginHTTP
import PluginSDK

/// The Kubernetes API from a plugin: the call's Workflow, typed, and any resource as JSON.
///
/// Create it at start-up (``KubernetesConfiguration/inCluster(directory:environment:)`` fails then, with one
/// line, if the token is not mounted), then use it in calls:
///
/// ```swift
/// let kubernetes = try KubernetesClient(.inCluster())
///
/// func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
///     let workflow = try await kubernetes.workflow(for: context)        // spec and status, unknown fields kept
///     var configMap: JSONValue = ["metadata": ["name": "result", "ownerReferences": [try kubernetes.ownerReference(for: context)]],
///                                 "data": ["phase": "done"]]
///     _ = try await kubernetes.create(.configMaps, configMap, context: context)
///     ...
/// }
/// ```
///
/// Every call is bounded by the plugin call's deadline. 401 and 403 throw ``KubernetesError`` naming the service
/// account, verb and resource; 429, 502, 503, 504 and connection failures throw `TransientError`.
public struct KubernetesClient: Sendable {
    /// The configuration in force.
    public let configuration: KubernetesConfiguration
    let http: ServiceClient

    /// Reads the token and CA now; a missing or unreadable one fails with one actionable line.
    public init(_ configuration: KubernetesConfiguration) throws(ServiceConfigurationError) {
        self.configuration = configuration
        var service = configuration.service
        service.auth = .bearerTokenFile(configuration.tokenFile)
        if let caFile = configuration.caFile { service.trust = .only(caFile: caFile) }
        if service.name == nil { service.name = "Kubernetes" }
        self.http = try ServiceClient(configuration.server, configuration: service)
    }

    /// The Workflow the call is about (spec and status; members the SDK does not model are kept in
    /// `unknownFields`), read from the API server rather than taken from Argo's request, which carries only the
    /// workflow's metadata.
    public func workflow(for context: PluginContext) async throws -> Workflow {
        guard !context.workflowName.isEmpty else {
            throw KubernetesError(
                status: 0, reason: nil, verb: "get", resource: "workflows.argoproj.io", namespace: context.namespace,
                description: "the call names no workflow, so there is no Workflow to read")
        }
        let namespace = context.namespace ?? configuration.namespace
        let response = try await exchange(
            .get, .workflows, namespace: namespace, name: context.workflowName, verb: "get", body: nil, context: context)
        return try decode(Workflow.self, response, what: "the Workflow")
    }

    /// One object as JSON.
    public func get(
        _ type: GroupVersionResource, name: String, namespace: String? = nil, context: PluginContext
    ) async throws -> JSONValue {
        let response = try await exchange(
            .get, type, namespace: namespace ?? configuration.namespace, name: name, verb: "get", body: nil, context: context)
        return try decode(JSONValue.self, response, what: "\(type)")
    }

    /// A list object (`items` holds the objects), filtered by label and field selectors.
    public func list(
        _ type: GroupVersionResource, namespace: String? = nil, labelSelector: String? = nil,
        fieldSelector: String? = nil, context: PluginContext
    ) async throws -> JSONValue {
        var query: [(String, String)] = []
        if let labelSelector { query.append(("labelSelector", labelSelector)) }
        if let fieldSelector { query.append(("fieldSelector", fieldSelector)) }
        let response = try await exchange(
            .get, type, namespace: namespace ?? configuration.namespace, name: nil, verb: "list", body: nil,
            query: query, context: context)
        return try decode(JSONValue.self, response, what: "the \(type) list")
    }

    /// Creates `object` and returns it as stored (with its uid and resourceVersion).
    public func create(
        _ type: GroupVersionResource, _ object: JSONValue, namespace: String? = nil, context: PluginContext
    ) async throws -> JSONValue {
        let body = try PluginJSONEncoder().encode(object)
        let response = try await exchange(
            .post, type, namespace: namespace ?? configuration.namespace, name: nil, verb: "create",
            body: (body, "application/json"), context: context)
        return try decode(JSONValue.self, response, what: "the created \(type)")
    }

    /// Patches object `name` (or its `subresource`, e.g. `status`) and returns it as stored.
    public func patch(
        _ type: GroupVersionResource, name: String, _ patch: KubernetesPatch, namespace: String? = nil,
        subresource: String? = nil, context: PluginContext
    ) async throws -> JSONValue {
        let body = try PluginJSONEncoder().encode(patch.document)
        let response = try await exchange(
            .patch, type, namespace: namespace ?? configuration.namespace, name: name, subresource: subresource,
            verb: "patch", body: (body, patch.contentType), context: context)
        return try decode(JSONValue.self, response, what: "the patched \(type)")
    }

    /// Deletes object `name`.
    public func delete(
        _ type: GroupVersionResource, name: String, namespace: String? = nil, context: PluginContext
    ) async throws {
        _ = try await exchange(
            .delete, type, namespace: namespace ?? configuration.namespace, name: name, verb: "delete", body: nil,
            context: context)
    }

    // MARK: Plumbing

    private func exchange(
        _ method: HTTPMethod, _ type: GroupVersionResource, namespace: String, name: String?,
        subresource: String? = nil, verb: String, body: ([UInt8], String)?, query: [(String, String)] = [],
        context: PluginContext
    ) async throws -> ServiceResponse {
        let path = type.path(namespace: namespace, name: name, subresource: subresource)
        var request = ServiceRequest(method, path, query: query, body: body?.0)
        if let body { request.headers = [("Content-Type", body.1)] }
        let response = try await http.send(request, context: context)
        guard !response.isSuccess else { return response }
        let resource = subresource.map { "\(type)/\($0)" } ?? "\(type)"
        if http.configuration.transientStatuses.contains(response.status) {
            try http.check(response, request: request)
        }
        throw refusal(response, verb: verb, resource: resource, namespace: type.namespaced ? namespace : nil, name: name)
    }

    private func refusal(
        _ response: ServiceResponse, verb: String, resource: String, namespace: String?, name: String?
    ) -> KubernetesError {
        let status = try? response.decode(JSONValue.self)
        let reason = status?["reason"]?.stringValue
        let message = String((status?["message"]?.stringValue ?? response.text).prefix(300))
        let place = namespace.map { " in namespace \($0)" } ?? ""
        let object = name.map { " \($0)" } ?? ""
        let description: String
        if response.status == 401 || response.status == 403 {
            description = """
                Kubernetes refused to let service account \(configuration.serviceAccount) \(verb) \(resource)\(object)\
                \(place) (HTTP \(response.status)): \(message). Grant it with a Role rule for verb '\(verb)' on \
                '\(resource)' (declare it in the plugin's rbac.yaml; argo-plugin build --rbac writes the Role)
                """
        } else {
            description = "Kubernetes refused \(verb) \(resource)\(object)\(place) (HTTP \(response.status)): \(message)"
        }
        return KubernetesError(
            status: response.status, reason: reason, verb: verb, resource: resource, namespace: namespace,
            description: description)
    }

    private func decode<Value: Decodable>(_ type: Value.Type, _ response: ServiceResponse, what: String) throws -> Value {
        do {
            return try response.decode(type)
        } catch {
            throw ServiceError(
                kind: .invalidReply, service: "Kubernetes", status: response.status,
                description: "Kubernetes answered with \(what) that could not be read: \(error)")
        }
    }
}
