import ArgoModels

/// The handlers a plugin implements, found once from the protocols it adopts: the responder's dispatch table and
/// the source of ``Plugin/servedMethods``. This is the one place that pairs each handler protocol with its method.
struct PluginHandlers: Sendable {
    typealias Handler<Args, Reply> = @Sendable (Args, PluginContext) async throws -> Reply

    private(set) var executeTemplate: Handler<ExecuteTemplateArgs, ExecuteTemplateReply>?
    private(set) var workflowPreOperate: Handler<WorkflowPreOperateArgs, WorkflowPreOperateReply>?
    private(set) var workflowPostOperate: Handler<WorkflowPostOperateArgs, WorkflowPostOperateReply>?
    private(set) var nodePreExecute: Handler<NodePreExecuteArgs, NodePreExecuteReply>?
    private(set) var nodePostExecute: Handler<NodePostExecuteArgs, NodePostExecuteReply>?
    private(set) var parametersAdd: Handler<ParameterPreSubstitutionArgs, ParameterPreSubstitutionReply>?
    private(set) var podPreCreate: Handler<PodPreCreateArgs, PodPreCreateReply>?
    private(set) var podPostCreate: Handler<PodPostCreateArgs, PodPostCreateReply>?
    /// The methods with a handler.
    var methods: Set<PluginMethod> {
        let handled: [(PluginMethod, Bool)] = [
            (.templateExecute, executeTemplate != nil), (.workflowPreOperate, workflowPreOperate != nil),
            (.workflowPostOperate, workflowPostOperate != nil), (.nodePreExecute, nodePreExecute != nil),
            (.nodePostExecute, nodePostExecute != nil), (.parametersAdd, parametersAdd != nil),
            (.podPreCreate, podPreCreate != nil), (.podPostCreate, podPostCreate != nil),
        ]
        return Set(handled.filter(\.1).map(\.0))
    }

    init(_ plugin: some Plugin) {
        if let served = plugin as? any TemplateExecutor {
            executeTemplate = { try await served.executeTemplate($0, context: $1) }
        }
        if let served = plugin as? any WorkflowPreOperateHook {
            workflowPreOperate = { try await served.workflowPreOperate($0, context: $1) }
        }
        if let served = plugin as? any WorkflowPostOperateHook {
            workflowPostOperate = { try await served.workflowPostOperate($0, context: $1) }
        }
        if let served = plugin as? any NodePreExecuteHook {
            nodePreExecute = { try await served.nodePreExecute($0, context: $1) }
        }
        if let served = plugin as? any NodePostExecuteHook {
            nodePostExecute = { try await served.nodePostExecute($0, context: $1) }
        }
        if let served = plugin as? any ParametersAddHook {
            parametersAdd = { try await served.parametersAdd($0, context: $1) }
        }
        if let served = plugin as? any PodPreCreateHook {
            podPreCreate = { try await served.podPreCreate($0, context: $1) }
        }
        if let served = plugin as? any PodPostCreateHook {
            podPostCreate = { try await served.podPostCreate($0, context: $1) }
        }
    }

    /// Refuses a plugin that serves nothing: it would answer 404 to every call and Argo would stop calling it.
    static func requireServedMethod(_ plugin: some Plugin) throws(ConfigurationError) {
        guard PluginHandlers(plugin).methods.isEmpty else { return }
        let hooks = PluginMethod.allCases.filter(\.isControllerHook).map(\.handlerProtocol).joined(separator: ", ")
        throw ConfigurationError(
            description: """
                \(plugin.name) serves no method: adopt TemplatePlugin or TemplateExecutor (template.execute), \
                or a hook protocol (\(hooks))
                """)
    }
}

extension PluginMethod {
    /// The protocol whose handler serves this method.
    var handlerProtocol: String {
        switch self {
        case .templateExecute: "TemplateExecutor"
        case .workflowPreOperate: "WorkflowPreOperateHook"
        case .workflowPostOperate: "WorkflowPostOperateHook"
        case .nodePreExecute: "NodePreExecuteHook"
        case .nodePostExecute: "NodePostExecuteHook"
        case .parametersAdd: "ParametersAddHook"
        case .podPreCreate: "PodPreCreateHook"
        case .podPostCreate: "PodPostCreateHook"
        }
    }
}
