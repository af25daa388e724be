import Logging

/// A plain HTTP server on the SDK's libmicrohttpd transport, answering every request with a closure: the base of
/// the test kit's fake services (`FakeService`, `FakeKubernetes`). SPI, so that the test kit builds on the same
/// transport as plugins instead of socket code of its own, and authors reach it through `PluginSDKTesting`.
///
/// ```swift
/// @_spi(Testing) import PluginSDK
/// let server = TestHTTPServer { request in .init(status: 200, body: Array("ok".utf8), contentType: "text/plain") }
/// let port = try server.start()
/// ```
@_spi(Testing)
public final class TestHTTPServer: Sendable {
    /// A request as received.
    public struct Request: Sendable {
        /// The verb, e.g. `POST`.
        public var method: String
        /// The path, without the query.
        public var path: String
        /// Query parameters, decoded.
        public var query: [(String, String)]
        /// Header fields as sent.
        public var headers: [(String, String)]
        /// The body.
        public var body: [UInt8]
    }

    /// A reply, or a dropped connection.
    public struct Response: Sendable {
        /// The status.
        public var status: Int
        /// Extra header fields.
        public var headers: [(String, String)]
        /// The body.
        public var body: [UInt8]
        /// The `Content-Type`.
        public var contentType: String
        /// Close the connection without answering.
        public var dropConnection: Bool

        /// Creates a reply.
        public init(
            status: Int, headers: [(String, String)] = [], body: [UInt8] = [],
            contentType: String = "application/json", dropConnection: Bool = false
        ) {
            self.status = status
            self.headers = headers
            self.body = body
            self.contentType = contentType
            self.dropConnection = dropConnection
        }
    }

    private let transport: MicroHTTPDServer

    /// A server on `host` (default 127.0.0.1) and `port` (0: any free one) that answers with `handler`.
    /// Bodies up to `maxBodyBytes` are accepted; a handler may take up to `callTimeout` (for injected delays).
    public init(
        host: String = "127.0.0.1", port: Int = 0, maxBodyBytes: Int = 16 << 20,
        callTimeout: Swift.Duration = .seconds(300), logger: Logger = Logger(label: "argo-plugin.fake"),
        handler: @escaping @Sendable (Request) async -> Response
    ) {
        let settings = TransportSettings(
            host: host, port: port, threads: 2, connectionTimeoutSeconds: 60, connectionLimit: 256,
            maxHeaderBytes: 64 * 1024, maxBodyBytes: maxBodyBytes, callTimeout: callTimeout, collectsDetails: true)
        transport = MicroHTTPDServer(settings: settings, responder: ClosureResponder(handler: handler), logger: logger)
    }

    /// Starts listening; returns the bound port.
    public func start() throws -> Int {
        do {
            return try transport.start()
        } catch {
            throw TestHTTPServerError(description: "the fake service could not start: \(error)")
        }
    }

    /// Stops accepting, waits up to `grace` for replies in progress, then stops. Returns `false` if some were
    /// still running (the server is then left running until the process ends).
    @discardableResult
    public func stop(grace: Swift.Duration = .seconds(5)) async -> Bool {
        await transport.drain(grace: grace)
    }
}

/// Why a ``TestHTTPServer`` did not start.
@_spi(Testing)
public struct TestHTTPServerError: Error, CustomStringConvertible {
    /// The reason.
    public var description: String
}

/// Every request goes to the handler; nothing is refused from the head.
private struct ClosureResponder: HTTPResponder {
    let handler: @Sendable (TestHTTPServer.Request) async -> TestHTTPServer.Response

    func respondEarly(to head: HTTPRequestHead) -> HTTPResponse? { nil }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        let details = request.head.details ?? HTTPRequestDetails()
        let reply = await handler(
            TestHTTPServer.Request(
                method: request.head.method, path: request.head.path, query: details.query,
                headers: details.headers, body: request.body))
        var response = HTTPResponse(status: reply.status, body: reply.body, headers: reply.headers)
        response.contentType = reply.contentType
        response.dropConnection = reply.dropConnection
        return response
    }

    func payloadTooLarge(limit: Int) -> HTTPResponse { HTTPResponse(status: 413, body: Array("{}".utf8)) }
    func deadlineExceeded() -> HTTPResponse { HTTPResponse(status: 504, body: Array("{}".utf8)) }
    func shuttingDown() -> HTTPResponse { HTTPResponse(status: 503, body: Array("{}".utf8), closeConnection: true) }
}
