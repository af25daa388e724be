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
    public var path: String {
        // Literals, not "/api/v1/\(rawValue)": the transport names every request by its method's path, and an
        // interpolation allocated a new string each time.
        switch self {
        case .templateExecute: "/api/v1/template.execute"
        case .workflowPreOperate: "/api/v1/workflow.preOperate"
        case .workflowPostOperate: "/api/v1/workflow.postOperate"
        case .nodePreExecute: "/api/v1/node.preExecute"
        case .nodePostExecute: "/api/v1/node.postExecute"
        case .parametersAdd: "/api/v1/parameters.add"
        case .podPreCreate: "/api/v1/pod.preCreate"
        case .podPostCreate: "/api/v1/pod.postCreate"
        }
    }

    /// The wire name.
    public var description: String { rawValue }

    /// Whether the workflow controller (not the agent) calls this method. Controller calls time out after 1 s
    /// and are not retried.
    public var isControllerHook: Bool { self != .templateExecute }

    /// The method for a request path, if it names one.
    public init?(path: String) {
        guard let method = path.utf8.withContiguousStorageIfAvailable({ Self(pathUTF8: $0) }) else {
            let prefix = "/api/v1/"
            guard path.hasPrefix(prefix) else { return nil }
            self.init(rawValue: String(path.dropFirst(prefix.count)))
            return
        }
        guard let method else { return nil }
        self = method
    }

    /// The method whose path is exactly these UTF-8 bytes, compared byte for byte (the transport routes on the
    /// request line's bytes before it makes any `String`).
    init?<Bytes: Collection<UInt8>>(pathUTF8 bytes: Bytes) {
        let count = bytes.count
        for (method, path) in Self.paths where path.count == count {
            var index = bytes.startIndex
            var same = true
            for byte in path {
                if bytes[index] != byte {
                    same = false
                    break
                }
                index = bytes.index(after: index)
            }
            if same {
                self = method
                return
            }
        }
        return nil
    }

    /// Every method with its path's UTF-8.
    private static let paths: [(PluginMethod, [UInt8])] = allCases.map { ($0, Array($0.path.utf8)) }

    /// This method's bit in a set of methods kept as one integer (the responder's served methods).
    var bit: UInt16 {
        switch self {
        case .templateExecute: 1 << 0
        case .workflowPreOperate: 1 << 1
        case .workflowPostOperate: 1 << 2
        case .nodePreExecute: 1 << 3
        case .nodePostExecute: 1 << 4
        case .parametersAdd: 1 << 5
        case .podPreCreate: 1 << 6
        case .podPostCreate: 1 << 7
        }
    }
}
