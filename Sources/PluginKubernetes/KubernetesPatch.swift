import PluginSDK

/// A change to an existing object, in one of the API server's patch formats.
///
/// ```swift
/// .merge(["metadata": ["labels": ["stage": "done"]]])
/// .json([["op": "add", "path": "/metadata/annotations/example.com~1note", "value": "hi"]])
/// ```
public enum KubernetesPatch: Sendable, Equatable {
    /// A JSON merge patch (RFC 7386): members replace or, when `null`, remove.
    case merge(JSONValue)
    /// A JSON patch (RFC 6902): a list of `{op, path, value}` operations.
    case json([JSONValue])
    /// A strategic merge patch: like a merge patch, but lists merge by key (built-in kinds only).
    case strategicMerge(JSONValue)

    /// The `Content-Type` the API server expects.
    var contentType: String {
        switch self {
        case .merge: "application/merge-patch+json"
        case .json: "application/json-patch+json"
        case .strategicMerge: "application/strategic-merge-patch+json"
        }
    }

    /// The patch document.
    var document: JSONValue {
        switch self {
        case .merge(let value), .strategicMerge(let value): value
        case .json(let operations): .array(operations)
        }
    }
}
