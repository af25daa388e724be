/// What the transport knows about a request before reading its body: enough to refuse it early.
///
/// Auth, routing and size limits are decided from the head alone, so a bad token or an unknown path never
/// costs a body read.
struct HTTPRequestHead: Sendable {
    /// The HTTP verb as sent, e.g. `POST`.
    var method: String
    /// The request path without query string, e.g. `/api/v1/template.execute`.
    let path: String
    /// The raw `Authorization` header, if present. Never log it.
    var authorization: String?
    /// The announced body length; `nil` for chunked uploads or no body.
    var contentLength: Int?
    /// Why the head cannot be trusted to frame the body (e.g. conflicting `Content-Length`s); answered 400.
    var framingError: String?
    /// Every header and query parameter, collected only when `TransportSettings.collectsDetails` is on (the test
    /// kit's fake services record them; the plugin path never pays for them).
    var details: HTTPRequestDetails? = nil
    /// The plugin method `path` names, if any (found once, here).
    let rpc: PluginMethod?

    init(method: String, path: String, authorization: String?, contentLength: Int?, framingError: String? = nil) {
        self.init(
            method: method, path: path, rpc: PluginMethod(path: path), authorization: authorization,
            contentLength: contentLength, framingError: framingError)
    }

    /// A head whose path the transport has already matched to `rpc`.
    init(
        method: String, path: String, rpc: PluginMethod?, authorization: String?, contentLength: Int?,
        framingError: String?
    ) {
        self.method = method
        self.path = path
        self.rpc = rpc
        self.authorization = authorization
        self.contentLength = contentLength
        self.framingError = framingError
    }
}

/// The parts of a request only the test kit's fake services need.
struct HTTPRequestDetails: Sendable {
    /// Header fields as sent.
    var headers: [(String, String)] = []
    /// Query parameters, decoded.
    var query: [(String, String)] = []
}

/// A complete request as plain Swift values.
struct HTTPRequest: Sendable {
    /// The head the transport read first.
    var head: HTTPRequestHead
    /// The body bytes.
    var body: [UInt8]
    /// Whether the transport has had `respondEarly(to:)` pass this head already (the responder then skips it).
    var headChecked = false
}

/// A reply: always JSON, always with a body, `Content-Length` set by the transport.
struct HTTPResponse: Sendable, Equatable {
    /// The status code.
    var status: Int
    /// The JSON body.
    var body: [UInt8]
    /// Ask the transport to close the connection after this reply (used while draining).
    var closeConnection: Bool = false
    /// Extra headers, e.g. `Allow` on a 405.
    var headers: [(String, String)] = []
    /// The `Content-Type` header; plugin replies are always JSON, fake services may say otherwise.
    var contentType = "application/json"
    /// Close the connection without replying (fake services inject this failure).
    var dropConnection = false

    init(status: Int, body: [UInt8], closeConnection: Bool = false, headers: [(String, String)] = []) {
        self.status = status
        self.body = body
        self.closeConnection = closeConnection
        self.headers = headers
    }

    static func == (lhs: HTTPResponse, rhs: HTTPResponse) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body && lhs.closeConnection == rhs.closeConnection
            && lhs.headers.map { "\($0.0): \($0.1)" } == rhs.headers.map { "\($0.0): \($0.1)" }
            && lhs.contentType == rhs.contentType && lhs.dropConnection == rhs.dropConnection
    }
}

/// The boundary between the transport and everything above it.
///
/// The transport calls `respondEarly(to:)` once the headers are in; a non-nil answer is sent without reading the
/// body. Otherwise it reads the body (bounded by its limit) and calls `respond(to:)`.
protocol HTTPResponder: Sendable {
    /// Refuses a request from its head alone (403, 404, 405), or returns `nil` to read the body.
    func respondEarly(to head: HTTPRequestHead) -> HTTPResponse?
    /// Answers a complete request.
    func respond(to request: HTTPRequest) async -> HTTPResponse
    /// The reply for a body over the size limit.
    func payloadTooLarge(limit: Int) -> HTTPResponse
    /// The reply when a call outlives its deadline.
    func deadlineExceeded() -> HTTPResponse
    /// The reply for a call that arrives while the server drains.
    func shuttingDown() -> HTTPResponse
}
