import Logging

/// The SDK's whole request path (auth, routing, decoding, the plugin, requeue rules, encoding) without a socket.
///
/// This is the entry point `PluginSDKTesting` uses for in-process calls; it is SPI because plugin authors should
/// reach it through that library's `PluginTestClient`, whose API does not change when the transport does. A call
/// goes through the same `PluginResponder` that serves libmicrohttpd, with the same early refusals (403, 404,
/// 405) decided from the head, and with the call deadline the transport enforces (503 when it passes).
///
/// ```swift
/// @_spi(Testing) import PluginSDK
/// let transport = try InProcessTransport(plugin: Hello(), token: "t")
/// let reply = await transport.call(path: "/api/v1/template.execute", authorization: "Bearer t", body: bytes)
/// ```
@_spi(Testing)
public struct InProcessTransport: Sendable {
    /// One reply, as the transport would have sent it.
    public struct Reply: Sendable {
        /// The HTTP status.
        public var status: Int
        /// The JSON body.
        public var body: [UInt8]
        /// Extra headers (e.g. `Allow` on a 405); `Content-Type` and `Content-Length` are implied.
        public var headers: [(String, String)]
    }

    private let respondEarly: @Sendable (HTTPRequestHead) -> HTTPResponse?
    private let respond: @Sendable (HTTPRequest) async -> HTTPResponse
    private let deadlineReply: HTTPResponse
    private let callTimeout: Swift.Duration
    private let stop: @Sendable () async -> Void

    /// Wraps `plugin` in the SDK's responder. `token` is Argo's token (`nil`: every caller is refused, as a
    /// server with no token file would); `configuration` supplies the call timeout, default requeue,
    /// `controllerHooksWithoutToken`, and a job plugin's state directory and job TTL. Throws
    /// ``ConfigurationError``, as ``PluginServer`` does, when the plugin adopts no handler protocol or its state
    /// directory cannot be used.
    public init<P: Plugin>(
        plugin: P, token: String?, configuration: PluginConfiguration = PluginConfiguration(),
        logger: Logger = Logger(label: "argo-plugin-test")
    ) throws {
        try PluginHandlers.requireServedMethod(plugin)
        let jobs = try JobDriver.make(for: plugin, configuration: configuration, logger: logger)
        let responder = PluginResponder(
            plugin: plugin, token: token.flatMap { BearerToken(fileContent: $0) }, configuration: configuration,
            logger: logger, jobs: jobs)
        self.respondEarly = { responder.respondEarly(to: $0) }
        self.respond = { await responder.respond(to: $0) }
        self.deadlineReply = responder.deadlineExceeded()
        self.callTimeout = configuration.callTimeout
        let grace = configuration.shutdownGracePeriod
        self.stop = {
            await jobs?.shutdown(until: .now + grace)
            do {
                try await plugin.shutdown()
            } catch {
                logger.warning("the plugin's shutdown failed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// What a server does after its last call: cancels a job plugin's unfinished jobs (within the shutdown grace
    /// period), then runs the plugin's ``Plugin/shutdown()``, logging an error it throws.
    public func shutdown() async {
        await stop()
    }

    /// Sends one request through the responder: the head first (403/404/405 without reading the body), then the
    /// whole request, bounded by the call timeout. At the deadline the handler's task is cancelled and the reply is
    /// 503, as over the socket; unlike the socket, the reply waits until a handler that ignores cancellation
    /// returns.
    public func call(method: String = "POST", path: String, authorization: String?, body: [UInt8]) async -> Reply {
        let head = HTTPRequestHead(method: method, path: path, authorization: authorization, contentLength: body.count)
        if let early = respondEarly(head) { return Reply(early) }
        let request = HTTPRequest(head: head, body: body, headChecked: true)
        let respond = self.respond
        let timeout = callTimeout
        let response = await withTaskGroup(of: HTTPResponse?.self) { group in
            group.addTask { await respond(request) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        return Reply(response ?? deadlineReply)
    }
}

extension InProcessTransport.Reply {
    init(_ response: HTTPResponse) {
        self.init(status: response.status, body: response.body, headers: response.headers)
    }
}
