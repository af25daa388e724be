import Foundation

/// The API server's `Status` object, as ``FakeKubernetes`` answers refusals.
enum KubernetesStatus {
    static func reply(_ code: Int, _ reason: String, _ message: String) -> FakeReply {
        .json(
            [
                "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure", "message": .string(message),
                "reason": .string(reason), "code": .integer(Int64(code)),
            ], status: code)
    }
}

/// A request path of the Kubernetes API taken apart:
/// `/api/v1[/namespaces/NS]/RESOURCE[/NAME[/SUB]]` or `/apis/GROUP/VERSION[/namespaces/NS]/RESOURCE[/NAME[/SUB]]`.
struct APITarget {
    var group: String
    var version: String
    var namespace: String?
    var resource: String
    var name: String?
    var subresource: String?

    init?(path: String) {
        var parts = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        if parts.first == "api", parts.count >= 3 {
            group = ""
            version = parts[1]
            parts.removeFirst(2)
        } else if parts.first == "apis", parts.count >= 4 {
            group = parts[1]
            version = parts[2]
            parts.removeFirst(3)
        } else {
            return nil
        }
        if parts.first == "namespaces", parts.count >= 3 {
            namespace = parts[1]
            parts.removeFirst(2)
        }
        guard let resource = parts.first, parts.count <= 3 else { return nil }
        self.resource = resource
        name = parts.count > 1 ? parts[1] : nil
        subresource = parts.count > 2 ? parts[2] : nil
    }

    /// The RBAC verb of an HTTP method on this path.
    func verb(for method: String) -> String {
        switch method {
        case "GET": name == nil ? "list" : "get"
        case "POST": "create"
        case "PATCH": "patch"
        case "PUT": "update"
        case "DELETE": "delete"
        default: method.lowercased()
        }
    }

    /// `configmaps`, `workflows.argoproj.io`, with `/status` for a subresource.
    var rbacResource: String {
        (group.isEmpty ? resource : "\(resource).\(group)") + (subresource.map { "/\($0)" } ?? "")
    }
}
