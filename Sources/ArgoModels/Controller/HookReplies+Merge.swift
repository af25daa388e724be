import PluginJSON

// Replies to controller hooks are merged into Argo's objects as JSON merge patches: whatever a reply sets
// replaces the same field, whatever it leaves out stays as it is. These helpers build the partial objects.

extension WorkflowPreOperateReply {
    /// Leave the workflow as it is: `{}`.
    public static var unchanged: WorkflowPreOperateReply { WorkflowPreOperateReply() }

    /// Add (or overwrite) these annotations and labels on the workflow.
    ///
    /// ```swift
    /// return .merging(annotations: ["hello": "good morning"])
    /// ```
    public static func merging(
        annotations: [String: String] = [:], labels: [String: String] = [:]
    ) -> WorkflowPreOperateReply {
        WorkflowPreOperateReply(
            workflow: Workflow(
                metadata: ObjectMeta(
                    labels: labels.isEmpty ? nil : labels, annotations: annotations.isEmpty ? nil : annotations)))
    }

    /// This reply with one more annotation.
    public func addingAnnotation(_ key: String, _ value: String) -> WorkflowPreOperateReply {
        var reply = self
        var workflow = reply.workflow ?? Workflow(metadata: ObjectMeta())
        workflow.metadata.annotations = (workflow.metadata.annotations ?? [:]).merging([key: value]) { _, new in new }
        reply.workflow = workflow
        return reply
    }

    /// This reply with one more label.
    public func addingLabel(_ key: String, _ value: String) -> WorkflowPreOperateReply {
        var reply = self
        var workflow = reply.workflow ?? Workflow(metadata: ObjectMeta())
        workflow.metadata.labels = (workflow.metadata.labels ?? [:]).merging([key: value]) { _, new in new }
        reply.workflow = workflow
        return reply
    }
}

extension NodePreExecuteReply {
    /// Let the node run normally: `{}`.
    public static var proceed: NodePreExecuteReply { NodePreExecuteReply() }

    /// Mark the node `Succeeded` without running it (short-circuit, or a custom template the plugin ran).
    public static func succeeded(message: String? = nil, outputs: Outputs? = nil) -> NodePreExecuteReply {
        NodePreExecuteReply(node: NodeResult(phase: .succeeded, message: message, outputs: outputs))
    }

    /// Mark the node `Skipped` with a reason.
    public static func skip(_ message: String) -> NodePreExecuteReply {
        NodePreExecuteReply(node: NodeResult(phase: .skipped, message: message))
    }

    /// Mark the node `Failed` with a message.
    public static func failed(_ message: String) -> NodePreExecuteReply {
        NodePreExecuteReply(node: NodeResult(phase: .failed, message: message))
    }
}

extension ParameterPreSubstitutionReply {
    /// Add these placeholders for parameter substitution.
    ///
    /// ```swift
    /// return .adding(["hello": "good morning"])
    /// ```
    public static func adding(_ parameters: [String: String]) -> ParameterPreSubstitutionReply {
        ParameterPreSubstitutionReply(parameters: parameters)
    }
}
