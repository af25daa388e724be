/// The API server refused a request. `description` is what a `Failed` node shows.
///
/// 401 and 403 name the service account and the verb and resource that were refused, and say where to grant
/// them; other refusals carry the API server's own `Status` message (`workflows.argoproj.io "x" not found`).
/// Transient answers (429, 502, 503, 504, timeouts) are thrown as `TransientError` instead.
public struct KubernetesError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The HTTP status.
    public var status: Int
    /// The `Status` reason, e.g. `NotFound`, `Forbidden`, `AlreadyExists`, `Conflict`.
    public var reason: String?
    /// The verb refused: `get`, `list`, `create`, `patch`, `update` or `delete`.
    public var verb: String
    /// The resource, as RBAC names it (`configmaps`, `workflows.argoproj.io`).
    public var resource: String
    /// The namespace, if any.
    public var namespace: String?
    /// The whole message.
    public var description: String

    /// Creates an error (tests build their own).
    public init(status: Int, reason: String?, verb: String, resource: String, namespace: String?, description: String) {
        self.status = status
        self.reason = reason
        self.verb = verb
        self.resource = resource
        self.namespace = namespace
        self.description = description
    }

    /// Whether the object does not exist (404).
    public var isNotFound: Bool { status == 404 }
    /// Whether an object of that name exists already (409 `AlreadyExists`).
    public var isAlreadyExists: Bool { status == 409 && reason == "AlreadyExists" }
    /// Whether the service account lacks the permission (401 or 403).
    public var isAccessDenied: Bool { status == 401 || status == 403 }
}
