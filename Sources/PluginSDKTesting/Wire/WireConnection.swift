import Foundation

/// A blocking HTTP/1.1 client connection for wire-level tests: you decide every byte that is sent, and read back
/// complete responses (or raw bytes) with a timeout.
///
/// ``PluginTestClient``'s live transport calls through it; use it directly to test what a typed client cannot
/// express: a body in pieces or chunked, several calls on one kept-alive connection, `Expect: 100-continue`, a
/// lying `Content-Length`, a head that never ends, a half-closed request.
///
/// ```swift
/// let response = try await WireConnection.onOwnThread {
///     let connection = try WireConnection(port: port)
///     try connection.send("POST /api/v1/template.execute HTTP/1.1\r\nHost: x\r\n")
///     try connection.send("Authorization: Bearer \(token)\r\nContent-Length: 1000000000\r\n\r\n")
///     return try connection.readResponse()  // the token is wrong: 403 before any body byte
/// }
/// #expect(response.status == 403)
/// ```
///
/// Each wait for the peer (the connection, each write that cannot proceed, each read) gives up after ``timeout``
/// with ``WireError/Kind/timedOut``. The calls block their thread: from async code, run them with
/// ``onOwnThread(_:)``. A connection is used by one thread at a time and closes when released.
public final class WireConnection {
    /// The host connected to, as given.
    public let host: String
    /// The port connected to.
    public let port: Int
    /// How long each wait for the peer may take.
    public var timeout: Duration
    private let socket: WireSocket
    private var reader = WireResponseReader()
    private var isClosed = false

    /// Connects to `host:port` (an IP literal or a name), waiting at most `timeout`.
    ///
    /// - Throws: ``WireError`` of kind `connect` when the host does not resolve or no server accepts in time.
    public init(host: String = "127.0.0.1", port: Int, timeout: Duration = .seconds(10)) throws(WireError) {
        self.host = host
        self.port = port
        self.timeout = timeout
        socket = try WireSocket.connect(host: host, port: port, milliseconds: Self.milliseconds(timeout))
    }

    deinit { close() }

    /// Closes the connection; later calls fail with ``WireError/Kind/closed``. Idempotent.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        socket.close()
    }

    /// Writes `bytes` as they are.
    ///
    /// - Throws: ``WireError`` of kind `closed` when the server has closed or reset the connection (a server may
    ///   answer and close before reading a whole body: read its response afterwards), `timedOut` when it stops
    ///   taking bytes.
    public func send(_ bytes: [UInt8]) throws(WireError) {
        try ensureOpen()
        let (error, sent) = socket.send(bytes, milliseconds: Self.milliseconds(timeout))
        guard error != 0 else { return }
        if error == WireSocket.timedOut {
            throw WireError(.timedOut, "the server took no bytes for \(timeout) (\(sent) of \(bytes.count) sent)")
        }
        throw WireError(
            .closed, "sending failed after \(sent) of \(bytes.count) bytes: \(WireSocket.describe(errno: error))")
    }

    /// Writes `text` as UTF-8.
    public func send(_ text: String) throws(WireError) {
        try send(Array(text.utf8))
    }

    /// Half-closes: the server reads the end of the stream; responses can still be read.
    public func finishSending() {
        guard !isClosed else { return }
        socket.shutdownWrite()
    }

    /// The next bytes received, at most `capacity`: those already read past a response first, else one read.
    /// Empty at the end of the stream.
    ///
    /// - Throws: ``WireError`` of kind `timedOut` when nothing arrives in time.
    public func receive(upTo capacity: Int = 65_536) throws(WireError) -> [UInt8] {
        if !reader.buffer.isEmpty {
            let count = min(capacity, reader.buffer.count)
            defer { reader.buffer.removeFirst(count) }
            return Array(reader.buffer[..<count])
        }
        try ensureOpen()
        switch socket.receive(capacity: capacity, milliseconds: Self.milliseconds(timeout)) {
        case .bytes(let bytes): return bytes
        case .end: return []
        case .failed(let error): throw failure(reading: error, received: 0)
        }
    }

    /// Everything received until the server closes, a wait times out or `limit` bytes have arrived; never throws.
    public func receiveUntilClosed(limit: Int = 1 << 20) -> [UInt8] {
        var received: [UInt8] = []
        while received.count < limit, let bytes = try? receive(upTo: min(65_536, limit - received.count)),
            !bytes.isEmpty
        {
            received += bytes
        }
        return received
    }

    /// Whether the server closes (or resets) the connection within ``timeout``. Bytes that arrive instead are kept
    /// for the next read, and the answer is `false`.
    public func isClosedByPeer() -> Bool {
        guard reader.buffer.isEmpty, !isClosed else { return isClosed }
        switch socket.receive(capacity: 65_536, milliseconds: Self.milliseconds(timeout)) {
        case .bytes(let bytes):
            reader.buffer += bytes
            return false
        case .end: return true
        case .failed(let error): return error != WireSocket.timedOut
        }
    }

    /// Reads the next complete response, skipping interim 1xx ones (listed in its `interimStatuses`).
    ///
    /// - Parameter hasBody: `false` for the reply to a `HEAD` request, which announces a length but has no body.
    /// - Throws: ``WireError``: `timedOut` when the server stops sending, `closed` when it closes before the
    ///   response is complete, `malformed` when what it sent is not HTTP/1.x.
    public func readResponse(hasBody: Bool = true) throws(WireError) -> WireResponse {
        try ensureOpen()
        // The closure must not touch `reader`, which `response` is mutating: it only reads and reports.
        var received = reader.buffer.count
        return try reader.response(hasBody: hasBody) { () throws(WireError) -> [UInt8]? in
            switch socket.receive(capacity: 65_536, milliseconds: Self.milliseconds(timeout)) {
            case .bytes(let bytes):
                received += bytes.count
                return bytes
            case .end:
                return nil
            case .failed(let error):
                throw failure(reading: error, received: received)
            }
        }
    }

    private func failure(reading error: Int32, received: Int) -> WireError {
        if error == WireSocket.timedOut {
            let got = received == 0 ? "nothing" : "\(received) bytes of an incomplete response"
            return WireError(.timedOut, "no reply from \(host):\(port) within \(timeout) (received \(got))")
        }
        return WireError(.closed, "reading from \(host):\(port) failed: \(WireSocket.describe(errno: error))")
    }

    private func ensureOpen() throws(WireError) {
        if isClosed { throw WireError(.closed, "the connection to \(host):\(port) is closed") }
    }

    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(clamping: max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
    }
}
