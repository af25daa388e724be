import ArgoModels
import Logging

/// What a handler knows about the call it serves.
///
/// The context carries the workflow and template identity, a `Logger` whose metadata already names them, and the
/// call's deadline: after it the SDK answers 503 on the handler's behalf and cancels its task.
public struct PluginContext: Sendable {
    /// The RPC being served.
    public var method: PluginMethod
    /// The workflow's name (`metadata.name`), or an empty string if Argo did not send it.
    public var workflowName: String
    /// The workflow's namespace, if sent.
    public var namespace: String?
    /// The workflow's UID, if sent.
    public var workflowUID: String?
    /// The template's name, for template and node calls; empty otherwise.
    public var templateName: String
    /// A logger whose lines carry `argo.workflow`, `argo.namespace`, `argo.template` and `rpc.method` metadata
    /// (added by a metadata provider while the SDK serves the call, when the log handler supports providers, as
    /// swift-log's `StreamLogHandler` does).
    public var logger: Logger
    /// When the SDK stops waiting for this call.
    public var deadline: ContinuousClock.Instant
    /// The workflow the call is about, when the RPC carries one.
    public var workflow: Workflow?
    /// The template the call is about (`template.execute` and node hooks), with its inputs and plugin config.
    public var template: Template?
    /// The jobs of a ``JobPlugin`` served by the SDK: set by the responder, `nil` in a context made by hand.
    var jobs: JobDriver?

    /// Creates a context. The SDK makes one per call; tests can make their own.
    public init(
        method: PluginMethod, workflowName: String, namespace: String? = nil, workflowUID: String? = nil,
        templateName: String = "", logger: Logger = Logger(label: "argo-plugin"),
        deadline: ContinuousClock.Instant = .now.advanced(by: .seconds(25)), workflow: Workflow? = nil,
        template: Template? = nil
    ) {
        self.method = method
        self.workflowName = workflowName
        self.namespace = namespace
        self.workflowUID = workflowUID
        self.templateName = templateName
        self.logger = logger
        self.deadline = deadline
        self.workflow = workflow
        self.template = template
    }

    /// Time left before the deadline (zero once it has passed).
    public var remaining: Swift.Duration {
        max(.zero, ContinuousClock.now.duration(to: deadline))
    }
}

extension PluginContext {
    /// A context for a call about `workflow` (and `template`). The logger's call metadata comes from
    /// ``CallMetadata`` while the call runs.
    init(
        method: PluginMethod, workflow: Workflow?, template: Template?, logger: Logger,
        deadline: ContinuousClock.Instant
    ) {
        // Each field read through the optional: `let meta = workflow?.metadata` copied the whole `ObjectMeta`.
        self.init(
            method: method, workflowName: workflow?.metadata.name ?? "", namespace: workflow?.metadata.namespace,
            workflowUID: workflow?.metadata.uid, templateName: template?.name ?? "", logger: logger,
            deadline: deadline, workflow: workflow, template: template)
    }

    /// The identity used for log metadata.
    var identity: CallIdentity {
        CallIdentity(
            method: method, workflow: workflow?.metadata.name, namespace: namespace, template: template?.name)
    }
}
