import Foundation

extension WireConnection {
    /// Writes one request with a `Content-Length` body, head and body in one write.
    ///
    /// The head carries `Host`, `Content-Type: application/json` (unless `headers` has a `Content-Type`),
    /// `Authorization: Bearer <token>` when `token` is given, the lines in `headers` as written (e.g.
    /// `"Expect: 100-continue"`, `"Connection: close"`, `"Authorization: bearer x"`), and `Content-Length` with the
    /// body's size, unless `headers` gives one (to announce another size).
    public func sendRequest(
        method: String = "POST", path: String, token: String? = nil, headers: [String] = [], body: [UInt8] = []
    ) throws(WireError) {
        let announced = headers.contains { $0.lowercased().hasPrefix("content-length:") }
        let head = head(
            method: method, path: path, token: token,
            headers: announced ? headers : headers + ["Content-Length: \(body.count)"])
        try send(Array(head.utf8) + body)
    }

    /// Writes only the head of a request, as ``sendRequest(method:path:token:headers:body:)`` would but without a
    /// `Content-Length` of its own: give one in `headers` (and send the body, or none of it, with `send`).
    ///
    /// ```swift
    /// try connection.sendHead(path: "/api/v1/template.execute", token: "wrong", headers: ["Content-Length: 1073741824"])
    /// let refused = try connection.readResponse()  // decided from the head alone
    /// ```
    public func sendHead(method: String = "POST", path: String, token: String? = nil, headers: [String] = [])
        throws(WireError)
    {
        try send(head(method: method, path: path, token: token, headers: headers))
    }

    /// Writes a request and reads its response (a `HEAD` request's response without a body).
    public func call(
        method: String = "POST", path: String, token: String? = nil, headers: [String] = [], body: [UInt8] = []
    ) throws(WireError) -> WireResponse {
        do {
            try sendRequest(method: method, path: path, token: token, headers: headers, body: body)
        } catch {
            // A server may answer (403, 413) and close before it has read the whole body: keep what it said.
            guard error.kind == .closed, let early = try? readResponse(hasBody: method != "HEAD") else { throw error }
            return early
        }
        return try readResponse(hasBody: method != "HEAD")
    }

    /// `POST`s a JSON text and reads the response.
    public func call(path: String, token: String?, json: String, headers: [String] = []) throws(WireError)
        -> WireResponse
    {
        try call(path: path, token: token, headers: headers, body: Array(json.utf8))
    }

    /// Writes the head of a `Transfer-Encoding: chunked` request; follow with ``sendChunk(_:)`` and
    /// ``sendLastChunk()``.
    public func sendChunkedHead(method: String = "POST", path: String, token: String? = nil, headers: [String] = [])
        throws(WireError)
    {
        try sendHead(method: method, path: path, token: token, headers: headers + ["Transfer-Encoding: chunked"])
    }

    /// Writes one chunk of a chunked body (an empty `bytes` would end the body: use ``sendLastChunk()``).
    public func sendChunk(_ bytes: [UInt8]) throws(WireError) {
        try send(Array("\(String(bytes.count, radix: 16))\r\n".utf8) + bytes + [13, 10])
    }

    /// Ends a chunked body.
    public func sendLastChunk() throws(WireError) {
        try send("0\r\n\r\n")
    }

    private func head(method: String, path: String, token: String?, headers: [String]) -> String {
        var lines = ["\(method) \(path) HTTP/1.1"]
        if !headers.contains(where: { $0.lowercased().hasPrefix("host:") }) {
            lines.append(host.contains(":") ? "Host: [\(host)]:\(port)" : "Host: \(host):\(port)")
        }
        if !headers.contains(where: { $0.lowercased().hasPrefix("content-type:") }) {
            lines.append("Content-Type: application/json")
        }
        if let token { lines.append("Authorization: Bearer \(token)") }
        return (lines + headers).joined(separator: "\r\n") + "\r\n\r\n"
    }

    /// Runs blocking connection work on a thread of its own and returns its result, so an async test does not hold
    /// one of Swift's few cooperative threads while it waits on a socket.
    ///
    /// ```swift
    /// let status = try await WireConnection.onOwnThread {
    ///     try WireConnection(port: port).call(path: "/api/v1/template.execute", token: token, json: "{}").status
    /// }
    /// ```
    public static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }
}
