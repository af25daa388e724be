extension ExecuteTemplateReply {
    /// "This plugin does not handle this template": encodes as `{}`, and Argo asks the next plugin.
    public static var notMine: ExecuteTemplateReply {
        ExecuteTemplateReply()
    }

    /// The node succeeded, with an optional message and outputs.
    ///
    /// ```swift
    /// return .succeeded(message: "sent", outputs: Outputs().parameter("id", "42"))
    /// ```
    public static func succeeded(message: String? = nil, outputs: Outputs? = nil) -> ExecuteTemplateReply {
        ExecuteTemplateReply(node: NodeResult(phase: .succeeded, message: message, outputs: outputs))
    }

    /// The node failed; `message` says why and is shown in the UI.
    public static func failed(_ message: String, outputs: Outputs? = nil) -> ExecuteTemplateReply {
        ExecuteTemplateReply(node: NodeResult(phase: .failed, message: message, outputs: outputs))
    }

    /// The node is still running; Argo calls again after `requeueAfter`.
    ///
    /// ```swift
    /// return .running(message: "waiting for approval", requeueAfter: .seconds(30))
    /// ```
    ///
    /// There is no `progress`: Argo's controller copies only a result's phase, message and outputs into the node
    /// (`workflow/controller/taskset.go`), so a plugin's progress never reaches it. Say how far the work is in the
    /// message.
    public static func running(message: String? = nil, requeueAfter: GoDuration) -> ExecuteTemplateReply {
        ExecuteTemplateReply(node: NodeResult(phase: .running, message: message), requeue: requeueAfter)
    }

    /// The node has not started yet; Argo calls again after `requeueAfter`.
    public static func pending(message: String? = nil, requeueAfter: GoDuration) -> ExecuteTemplateReply {
        ExecuteTemplateReply(node: NodeResult(phase: .pending, message: message), requeue: requeueAfter)
    }
}
