/// Which of Argo's two plugin contracts conform checks.
public enum PluginKind: String, Sendable, CaseIterable {
    /// An executor plugin: a sidecar of the workflow's agent pod, called with `template.execute` (30 s timeout).
    case executor
    /// A controller plugin: a sidecar of the workflow controller, called with the workflow, node and parameter
    /// hooks (1 s timeout; only Argo's v3.3 development line calls them).
    case controller

    /// How long Argo's client waits for a reply.
    public var argoTimeout: Duration {
        switch self {
        case .executor: return .seconds(30)
        case .controller: return .seconds(1)
        }
    }

    /// The controller hooks Argo defines, in the order conform calls them.
    static let hooks = [
        "workflow.preOperate", "workflow.postOperate", "node.preExecute", "node.postExecute", "parameters.add",
    ]
}
