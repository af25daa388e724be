import Foundation

/// An HTTP/1.1 request as a scripted server reads it: request line, headers, `Content-Length` body.
public struct ScriptedRequest: Sendable {
    /// `POST /api/v1/template.execute HTTP/1.1`.
    public var requestLine: String
    /// Headers by lower-cased name.
    public var headers: [String: String]
    /// The body as text.
    public var body: String
    /// When the request was read completely.
    public var arrival = Date()

    /// The path of the request line.
    public var path: String {
        let parts = requestLine.split(separator: " ")
        return parts.count > 1 ? String(parts[1]) : ""
    }

    /// The body's JSON, or `nil` when it is not JSON.
    public var json: Any? { try? JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed]) }
}

/// Reads requests off one connection, keeping bytes that arrive early for the next request.
public struct ScriptedRequestReader {
    private let peer: LoopbackPeer
    private var buffer: [UInt8] = []

    /// A reader for `peer`.
    public init(_ peer: LoopbackPeer) {
        self.peer = peer
    }

    /// The next request's line and headers; `nil` at the end of the stream.
    public mutating func head() -> (requestLine: String, headers: [String: String])? {
        while true {
            if let end = buffer.firstRange(of: [13, 10, 13, 10]) {
                let text = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                buffer.removeFirst(end.upperBound)
                var lines = text.components(separatedBy: "\r\n")
                let requestLine = lines.removeFirst()
                var headers: [String: String] = [:]
                for line in lines {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    if parts.count == 2 {
                        headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
                    }
                }
                return (requestLine, headers)
            }
            guard let bytes = peer.read() else { return nil }
            buffer += bytes
        }
    }

    /// The `length`-byte body; `nil` when the stream ends first, or no byte comes for `patience` (when given).
    public mutating func body(length: Int, patience: Duration? = nil) -> String? {
        while buffer.count < length {
            guard let bytes = peer.read(timeout: patience) else { return nil }
            buffer += bytes
        }
        defer { buffer.removeFirst(length) }
        return String(decoding: buffer[..<length], as: UTF8.self)
    }

    /// A whole request; `nil` at the end of the stream.
    public mutating func request() -> ScriptedRequest? {
        guard let (requestLine, headers) = head(),
            let body = body(length: Int(headers["content-length"] ?? "0") ?? 0)
        else { return nil }
        return ScriptedRequest(requestLine: requestLine, headers: headers, body: body)
    }
}

extension LoopbackPeer {
    /// Writes a response with `Content-Type: application/json` and `Content-Length`, plus `headers` lines.
    @discardableResult
    public func respond(status: Int, body: String, headers: [String] = []) -> Bool {
        let bytes = Array(body.utf8)
        let head =
            ([
                "HTTP/1.1 \(status) \(Self.reason(status))", "Content-Type: application/json",
                "Content-Length: \(bytes.count)",
            ] + headers).joined(separator: "\r\n") + "\r\n\r\n"
        return write(Array(head.utf8) + bytes)
    }

    static func reason(_ status: Int) -> String {
        [
            200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error",
            503: "Service Unavailable",
        ][status] ?? "Status"
    }
}
