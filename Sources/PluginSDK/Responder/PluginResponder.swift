import ArgoModels
import Logging

/// Routes, authenticates, decodes, calls the plugin and encodes: the whole request path above the transport.
///
/// It works on plain request values, so tests drive it without a socket. The work is done by a `CallResponder`,
/// which is not generic: the transport holds that one, and none of the request path runs as unspecialized
/// generic code over the plugin's type (the SDK is compiled apart from the plugin).
struct PluginResponder<P: Plugin>: HTTPResponder {
    let plugin: P
    /// What the transport serves.
    let core: CallResponder

    /// A responder for `plugin`. A ``JobPlugin`` keeps its jobs in `jobs`, or in memory when none is given.
    init(plugin: P, token: BearerToken?, configuration: PluginConfiguration, logger: Logger, jobs: JobDriver? = nil) {
        self.plugin = plugin
        self.core = CallResponder(
            plugin: plugin, token: token, configuration: configuration, logger: logger, jobs: jobs)
    }

    /// For a ``JobPlugin``, its jobs.
    var jobs: JobDriver? { core.jobs }

    func respondEarly(to head: HTTPRequestHead) -> HTTPResponse? { core.respondEarly(to: head) }
    func respond(to request: HTTPRequest) async -> HTTPResponse { await core.respond(to: request) }
    func payloadTooLarge(limit: Int) -> HTTPResponse { core.payloadTooLarge(limit: limit) }
    func deadlineExceeded() -> HTTPResponse { core.deadlineExceeded() }
    func shuttingDown() -> HTTPResponse { core.shuttingDown() }
}

/// ``PluginResponder``'s work for any plugin: the plugin is reached only through its handlers (closures made once
/// from the protocols it adopts), its type only through its identity.
final class CallResponder: HTTPResponder {
    /// The shared token; `nil` only when the plugin serves controller hooks without one and has no token file.
    let token: BearerToken?
    let logger: Logger
    let callTimeout: Swift.Duration
    let defaultRequeue: Swift.Duration
    let hooksWithoutToken: Bool
    /// The plugin's handlers, one per protocol it adopts; every other method answers 404.
    private let handlers: PluginHandlers
    /// The served methods' ``PluginMethod/bit``s.
    private let served: UInt16
    /// For a ``TemplatePlugin``, its key: templates without `plugin.<key>` are answered `{}` before decoding.
    private let templateKey: String?
    /// `["template", "plugin", key]`, built once.
    private let pluginConfigPath: [String]
    /// The plugin's type, which a ``TemplatePlugin``'s parameters are decoded for (``TemplateRequestBody``).
    private let pluginType: ObjectIdentifier
    /// For a ``JobPlugin``, its jobs, handed to each call through its context.
    let jobs: JobDriver?

    init<P: Plugin>(
        plugin: P, token: BearerToken?, configuration: PluginConfiguration, logger: Logger, jobs: JobDriver? = nil
    ) {
        self.token = token
        self.logger = CallMetadata.attach(to: logger)
        self.callTimeout = configuration.callTimeout
        self.defaultRequeue = configuration.defaultRequeue
        self.hooksWithoutToken = configuration.controllerHooksWithoutToken
        self.handlers = PluginHandlers(plugin)
        self.served = handlers.methods.reduce(0) { $0 | $1.bit }
        let key = (plugin as? any TemplatePlugin).map { type(of: $0).key }
        self.templateKey = key
        self.pluginConfigPath = key.map { ["template", "plugin", $0] } ?? []
        self.pluginType = ObjectIdentifier(P.self)
        self.jobs = jobs ?? JobDriver.inMemory(for: plugin, ttl: configuration.jobTTL, logger: logger)
    }

    func respondEarly(to head: HTTPRequestHead) -> HTTPResponse? {
        let method = head.rpc
        guard authorized(head, method) else { return ReplyStatus.forbidden() }
        if let framingError = head.framingError { return ReplyStatus.badRequest(framingError) }
        guard let method, served & method.bit != 0 else { return ReplyStatus.notFound(head.path) }
        guard head.method == "POST" else { return ReplyStatus.methodNotAllowed(head.method) }
        return nil
    }

    /// A valid token always passes. Without a header, controller hooks pass only when explicitly allowed.
    private func authorized(_ head: HTTPRequestHead, _ method: PluginMethod?) -> Bool {
        if let token, token.accepts(head.authorization) { return true }
        return hooksWithoutToken && head.authorization == nil && method?.isControllerHook == true
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        if !request.headChecked, let refusal = respondEarly(to: request.head) { return refusal }
        let body = request.body
        switch request.head.rpc {
        case nil:
            return ReplyStatus.notFound(request.head.path)
        case .templateExecute:
            guard let handler = handlers.executeTemplate else { return ReplyStatus.notFound(request.head.path) }
            return await executeTemplate(body, handler)
        case .workflowPreOperate:
            return await hook(.workflowPreOperate, body, { ($0.workflow, nil) }, handlers.workflowPreOperate)
        case .workflowPostOperate:
            return await hook(.workflowPostOperate, body, { ($0.new ?? $0.old, nil) }, handlers.workflowPostOperate)
        case .nodePreExecute:
            return await hook(.nodePreExecute, body, { ($0.workflow, $0.template) }, handlers.nodePreExecute)
        case .nodePostExecute:
            return await hook(.nodePostExecute, body, { ($0.workflow, $0.template) }, handlers.nodePostExecute)
        case .parametersAdd:
            return await hook(.parametersAdd, body, { ($0.workflow, $0.template) }, handlers.parametersAdd)
        case .podPreCreate:
            return await hook(.podPreCreate, body, { ($0.workflow, $0.template) }, handlers.podPreCreate)
        case .podPostCreate:
            return await hook(.podPostCreate, body, { ($0.workflow, $0.template) }, handlers.podPostCreate)
        }
    }

    func payloadTooLarge(limit: Int) -> HTTPResponse { ReplyStatus.payloadTooLarge(limit: limit) }
    func deadlineExceeded() -> HTTPResponse { ReplyStatus.deadlineExceeded() }
    func shuttingDown() -> HTTPResponse { ReplyStatus.shuttingDown() }

    private func executeTemplate(
        _ body: [UInt8], _ handler: PluginHandlers.Handler<ExecuteTemplateArgs, ExecuteTemplateReply>
    ) async -> HTTPResponse {
        let args: ExecuteTemplateArgs
        // For a TemplatePlugin, `template.plugin.<key>` of the parsed body: its parameters are decoded from it.
        var pluginConfig: JSONDocument?
        do {
            let document = try WireJSON.parse(body)
            if templateKey != nil {
                pluginConfig = document.subdocument(at: pluginConfigPath)
                if pluginConfig == nil, Self.isForeignTemplate(document) {
                    // `template.plugin` must be an object (or absent, or null, as Go reads it); the workflow is
                    // checked too (it is small); the other plugin's template is not decoded.
                    if let problem = Self.pluginMemberProblem(document) { return ReplyStatus.badRequest(problem) }
                    _ = try document.decode(Workflow.self, at: ["workflow"])
                    return ReplyStatus.ok(WireJSON.emptyObject)
                }
            }
            args = try WireJSON.decode(ExecuteTemplateArgs.self, from: document)
        } catch {
            return ReplyStatus.badRequest(DecodingErrorDescription.describe(error))
        }
        var context = PluginContext(
            method: .templateExecute, workflow: args.workflow, template: args.template, logger: logger,
            deadline: ContinuousClock.now.advanced(by: callTimeout))
        context.jobs = jobs
        // `context.identity`, read from `args` (the context's copy would be copied again).
        let identity = CallIdentity(
            method: .templateExecute, workflow: args.workflow.metadata.name,
            namespace: args.workflow.metadata.namespace, template: args.template.name,
            templateBody: pluginConfig.map { TemplateRequestBody(pluginConfig: $0, plugin: pluginType) })
        return await CallMetadata.$current.withValue(identity) {
            context.logger.debug("call")
            do {
                let reply = try await handler(args, context)
                return encode(normalized(reply, logger: context.logger))
            } catch {
                return failureReply(error, context: context) { encode(ExecuteTemplateReply.failed($0)) }
            }
        }
    }

    /// Whether a `template.execute` body without `template.plugin.<key>` is for another plugin: it has the
    /// required objects. Decided on the parsed document, so that template is never decoded.
    static func isForeignTemplate(_ document: JSONDocument) -> Bool {
        document.keys(at: ["workflow", "metadata"]) != nil && document.keys(at: ["template"]) != nil
    }

    /// What is wrong with `template.plugin` when it is there but not an object (Argo's swagger says object), or
    /// `nil`. A template without it, or with `null` (Go reads both as no plugin), is simply not this plugin's.
    static func pluginMemberProblem(_ document: JSONDocument) -> String? {
        guard let type = document.typeName(at: ["template", "plugin"]), type != "an object", type != "null" else {
            return nil
        }
        return "template.plugin: expected an object, found \(type)"
    }

    /// A controller hook: decode, call, encode. 404 when the plugin has no handler for it (``respondEarly(to:)``
    /// has already answered so), 503 transient, 500 fatal.
    private func hook<Args: Decodable, Reply: Encodable>(
        _ method: PluginMethod, _ body: [UInt8], _ subject: (Args) -> (Workflow?, Template?),
        _ handler: PluginHandlers.Handler<Args, Reply>?
    ) async -> HTTPResponse {
        await serveHook(method, body, { try WireJSON.decode(Args.self, from: $0) }, subject, handler)
    }

    /// A controller hook whose arguments build themselves (``WireJSON/decode(_:from:)``, concrete type).
    private func hook<Args: JSONDirectDecodable, Reply: Encodable>(
        _ method: PluginMethod, _ body: [UInt8], _ subject: (Args) -> (Workflow?, Template?),
        _ handler: PluginHandlers.Handler<Args, Reply>?
    ) async -> HTTPResponse {
        await serveHook(method, body, { try WireJSON.decode(Args.self, from: $0) }, subject, handler)
    }

    private func serveHook<Args: Decodable, Reply: Encodable>(
        _ method: PluginMethod, _ body: [UInt8], _ decode: ([UInt8]) throws -> Args,
        _ subject: (Args) -> (Workflow?, Template?), _ handler: PluginHandlers.Handler<Args, Reply>?
    ) async -> HTTPResponse {
        guard let handler else { return ReplyStatus.notFound(method.path) }
        let args: Args
        do {
            args = try decode(body)
        } catch {
            return ReplyStatus.badRequest(DecodingErrorDescription.describe(error))
        }
        let (workflow, template) = subject(args)
        // Argo's controller gives hooks 1 s; the context says so, whatever the transport's deadline.
        let deadline = ContinuousClock.now.advanced(by: min(callTimeout, .seconds(1)))
        let context = PluginContext(method: method, workflow: workflow, template: template, logger: logger, deadline: deadline)
        return await CallMetadata.$current.withValue(context.identity) {
            context.logger.debug("call")
            do {
                return encode(try await handler(args, context))
            } catch {
                return failureReply(error, context: context, failed: ReplyStatus.hookFailed)
            }
        }
    }

    /// The reply for a handler's thrown error: 503 transient, otherwise `failed(message)` (a `Failed` node for
    /// `template.execute`, 500 for controller hooks).
    private func failureReply(
        _ error: any Error, context: PluginContext, failed: (String) -> HTTPResponse
    ) -> HTTPResponse {
        switch HandlerFailure(error) {
        case .transient(let message):
            context.logger.info("transient failure, answering 503", metadata: ["error": "\(message)"])
            return ReplyStatus.transient(message)
        case .failed(let message):
            context.logger.info("handler failed", metadata: ["error": "\(message)"])
            return failed(message)
        }
    }

    /// Applies the reply rules (``ReplyRules``): no node left stuck, Argo's requeue rules.
    func normalized(_ reply: ExecuteTemplateReply, logger: Logger) -> ExecuteTemplateReply {
        ReplyRules.normalized(reply, defaultRequeue: defaultRequeue, logger: logger)
    }

    private func encode<T: Encodable>(_ value: T) -> HTTPResponse {
        reply { try WireJSON.encode(value) }
    }

    /// A reply that writes itself, encoded with its concrete type (`template.execute`'s).
    private func encode<T: JSONDirectEncodable>(_ value: T) -> HTTPResponse {
        reply { try WireJSON.encode(value) }
    }

    private func reply(_ encode: () throws -> [UInt8]) -> HTTPResponse {
        do {
            return ReplyStatus.ok(try encode())
        } catch {
            logger.error("cannot encode the reply", metadata: ["error": "\(error)"])
            return ReplyStatus.error(500, "the plugin's reply could not be encoded")
        }
    }
}
