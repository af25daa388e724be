import ArgoModels

/// One node of the simulated workflow, as the final table shows it.
public struct SimulatedNode: Sendable, Equatable {
    /// What kind of template the node ran.
    public enum Kind: String, Sendable {
        /// A plugin template, executed through the plugins.
        case plugin
        /// A `steps` or `dag` template, or a DAG task's loop (Argo's TaskGroup), whose phase follows its children.
        case group
        /// A template under `retryStrategy`: the attempts `name(0)`, `name(1)`, ... are its children.
        case retry
        /// A node that never ran: `when` false, omitted by `depends`, an empty loop, or an error before running.
        case skipped
        /// A container, script, resource or other template the simulator does not run; assumed to succeed.
        case notSimulated
    }

    /// Argo's node name, e.g. `hello-x7k2p[0].notify` or `hello-x7k2p.notify`.
    public var name: String
    /// The template's name.
    public var template: String
    /// The kind of template.
    public var kind: Kind
    /// The final phase; `nil` when the plugin's node carried none.
    public var phase: NodePhase?
    /// The node's message.
    public var message: String?
    /// The node's outputs.
    public var outputs: Outputs?
    /// The plugin that executed the node.
    public var plugin: String?
    /// `template.execute` rounds made for the node (requeues add rounds; retries within a round do not).
    public var calls: Int = 0
    /// The node would hang in Argo (non-terminal without requeue, or requeued beyond the limit).
    public var stuck: Bool = false
    /// Advice for the user, when the simulator can tell what went wrong.
    public var hint: String?

    /// Creates a node.
    public init(name: String, template: String, kind: Kind, phase: NodePhase? = nil, message: String? = nil) {
        self.name = name
        self.template = template
        self.kind = kind
        self.phase = phase
        self.message = message
    }

    /// Whether the node lets the workflow succeed.
    public var succeeded: Bool {
        guard !stuck else { return false }
        switch phase {
        case .succeeded, .skipped, .omitted: return true
        default: return kind == .notSimulated
        }
    }

    /// Output parameters as `name=value`, comma-separated, then the `result` if any.
    public var outputSummary: String {
        var parts = (outputs?.parameters ?? []).map { "\($0.name)=\($0.value?.string ?? "")" }
        if let result = outputs?.result { parts.append("result=\(result)") }
        return parts.joined(separator: ", ")
    }
}
