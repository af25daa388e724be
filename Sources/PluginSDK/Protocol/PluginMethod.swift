/// The RPC methods Argo calls on a plugin, by their wire names (`POST /api/v1/<name>`).
///
/// Each has a handler protocol (``TemplateExecutor``, ``NodePreExecuteHook``, ...); a plugin serves the methods
/// whose protocols it adopts, listed by ``Plugin/servedMethods``.
public enum PluginMethod: String, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    /// `template.execute`: the executor plugin call, made by Argo's agent for plugin templates.
    case templateExecute = "template.execute"
    /// `workflow.preOperate`: controller hook before the controller operates on a workflow.
    case workflowPreOperate = "workflow.preOperate"
    /// `workflow.postOperate`: controller hook after an operation, with the old and new workflow.
    case workflowPostOperate = "workflow.postOperate"
    /// `node.preExecute`: controller hook before a node runs; the reply can complete or skip it.
    case nodePreExecute = "node.preExecute"
    /// `node.postExecute`: controller hook after a node ran, with the old and new node.
    case nodePostExecute = "node.postExecute"
    /// `parameters.add`: controller hook that adds placeholders for parameter substitution.
    case parametersAdd = "parameters.add"
    /// `pod.preCreate`: pod lifecycle hook before a pod is created. The name is this SDK's: Argo's design lists
    /// pod hooks but never gave them wire names.
    case podPreCreate = "pod.preCreate"
    /// `pod.postCreate`: pod lifecycle hook after a pod was created. The name is this SDK's.
    case podPostCreate = "pod.postCreate"

    /// The request path Argo uses for this method.
    public var path: String { "/api/v1/\(rawValue)" }

    /// The wire name.
    public var description: String { rawValue }

    /// Whether the workflow controller (not the agent) calls this method. Controller calls time out after 1 s
    /// and are not retried.
    public var isControllerHook: Bool { self != .templateExecute }

    /// The method for a request path, if it names one.
    public init?(path: String) {
        let prefix = "/api/v1/"
        guard path.hasPrefix(prefix) else { return nil }
        self.init(rawValue: String(path.dropFirst(prefix.count)))
    }
}
