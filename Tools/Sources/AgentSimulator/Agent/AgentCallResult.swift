import ArgoModels

/// How one `Call` of Argo's RPC client ended, after its retries.
enum AgentCallResult: Sendable {
    /// 200 with a decodable reply.
    case reply(ExecuteTemplateReply)
    /// 404 now or before: the plugin does not serve the method; Argo moves on to the next plugin.
    case notFound
    /// Anything else, with Argo's error text and, when the simulator can tell, a hint for the user.
    case failed(message: String, hint: String?)
}
