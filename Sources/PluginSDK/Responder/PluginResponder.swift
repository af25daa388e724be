import ArgoModels
import Logging

/// Routes, authenticates, decodes, calls the plugin and encodes: the whole request path above the transport.
///
/// It works on plain request values, so tests drive it without a socket.
struct PluginResponder<P: Plugin>: HTTPResponder {
    let plugin: P
    let token: BearerToken
    let logger: Logger
    let callTimeout: Swift.Duration
    let defaultRequeue: Swift.Duration
    private let served: Set<PluginMethod>

    init(plugin: P, token: BearerToken, configuration: PluginConfiguration, logger: Logger) {
        self.plugin = plugin
        self.token = token
        self.logger = logger
        self.callTimeout = configuration.callTimeout
        self.defaultRequeue = configuration.defaultRequeue
        self.served = plugin.methods
    }

    func respondEarly(to head: HTTPRequestHead) -> HTTPResponse? {
        guard token.accepts(head.authorization) else { return ReplyStatus.forbidden() }
        guard let method = PluginMethod(path: head.path), served.contains(method) else {
            return ReplyStatus.notFound(head.path)
        }
        guard head.method == "POST" else { return ReplyStatus.methodNotAllowed(head.method) }
        return nil
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        if let refusal = respondEarly(to: request.head) { return refusal }
        switch PluginMethod(path: request.head.path) {
        case .templateExecute:
            return await executeTemplate(request.body)
        case nil:
            return ReplyStatus.notFound(request.head.path)
        }
    }

    func payloadTooLarge(limit: Int) -> HTTPResponse { ReplyStatus.payloadTooLarge(limit: limit) }
    func deadlineExceeded() -> HTTPResponse { ReplyStatus.deadlineExceeded() }
    func shuttingDown() -> HTTPResponse { ReplyStatus.shuttingDown() }

    private func executeTemplate(_ body: [UInt8]) async -> HTTPResponse {
        let args: ExecuteTemplateArgs
        do {
            args = try WireJSON.decode(ExecuteTemplateArgs.self, from: body)
        } catch {
            return ReplyStatus.badRequest(DecodingErrorDescription.describe(error))
        }
        let context = PluginContext(
            executing: args, logger: logger, deadline: ContinuousClock.now.advanced(by: callTimeout))
        context.logger.debug("call")
        do {
            let reply = try await plugin.executeTemplate(args, context: context)
            return encode(normalized(reply, logger: context.logger))
        } catch {
            switch HandlerFailure(error) {
            case .notImplemented:
                return ReplyStatus.notFound(PluginMethod.templateExecute.path)
            case .transient(let message):
                context.logger.info("transient failure, answering 503", metadata: ["error": "\(message)"])
                return ReplyStatus.transient(message)
            case .failed(let message):
                context.logger.info("handler failed", metadata: ["error": "\(message)"])
                return encode(ExecuteTemplateReply.failed(message))
            }
        }
    }

    /// Applies Argo's requeue rules: none on terminal phases; a default on Running/Pending without one.
    func normalized(_ reply: ExecuteTemplateReply, logger: Logger) -> ExecuteTemplateReply {
        var reply = reply
        guard let phase = reply.node?.phase else { return reply }
        if phase.isTerminal {
            reply.requeue = nil
        } else if (phase == .running || phase == .pending) && reply.requeue == nil {
            logger.warning(
                "reply is \(phase) without requeue; Argo would never call again, requeueing after the default",
                metadata: ["requeue": "\(ArgoModels.Duration(defaultRequeue))"])
            reply.requeue = ArgoModels.Duration(defaultRequeue)
        }
        return reply
    }

    private func encode<T: Encodable>(_ value: T) -> HTTPResponse {
        do {
            return ReplyStatus.ok(try WireJSON.encode(value))
        } catch {
            logger.error("cannot encode the reply", metadata: ["error": "\(error)"])
            return ReplyStatus.ok(
                (try? WireJSON.encode(ExecuteTemplateReply.failed("the plugin's reply could not be encoded")))
                    ?? Array("{}".utf8))
        }
    }
}
