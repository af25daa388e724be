import Foundation
import PluginSDK

/// One HTTP/1.x response as ``WireConnection`` read it off the socket: status, headers and the decoded body.
///
/// ```swift
/// let response = try connection.call(path: "/api/v1/template.execute", token: token, json: body)
/// #expect(response.status == 200)
/// #expect(response.headers["content-type"] == "application/json")
/// #expect(try response.json()["node"]?["phase"] == "Succeeded")
/// ```
public struct WireResponse: Sendable, Hashable {
    /// How the body's end was marked on the wire.
    public enum Framing: String, Sendable, Hashable {
        /// `Content-Length`.
        case contentLength
        /// `Transfer-Encoding: chunked`, decoded.
        case chunked
        /// Neither: the body ran until the server closed the connection.
        case untilClose
        /// No body by definition: a reply to `HEAD`, or a 204 or 304.
        case none
    }

    /// The protocol of the status line, e.g. `HTTP/1.1`.
    public var version: String
    /// The status code.
    public var status: Int
    /// The reason phrase, e.g. `OK`; may be empty.
    public var reason: String
    /// The headers by lower-cased name; a repeated header's values are joined with `, `.
    public var headers: [String: String]
    /// The body, with any chunked framing removed.
    public var body: [UInt8]
    /// How the body was delimited.
    public var framing: Framing
    /// Interim (1xx) statuses received before this response, e.g. `[100]` after `Expect: 100-continue`.
    public var interimStatuses: [Int]

    /// Creates a response.
    public init(
        version: String = "HTTP/1.1", status: Int, reason: String = "", headers: [String: String] = [:],
        body: [UInt8] = [], framing: Framing = .contentLength, interimStatuses: [Int] = []
    ) {
        self.version = version
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
        self.framing = framing
        self.interimStatuses = interimStatuses
    }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as JSON.
    public func json() throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(body))
    }

    /// Whether the server ends the connection after this response: `Connection: close`, or HTTP/1.0 without
    /// `Connection: keep-alive`, or a body that ran until the close.
    public var closesConnection: Bool {
        let connection = headers["connection"]?.lowercased() ?? ""
        if framing == .untilClose || connection.contains("close") { return true }
        return version == "HTTP/1.0" && !connection.contains("keep-alive")
    }

    /// `403 Forbidden, 37 bytes: {"error":...}`, the body cut at `limit` characters: for failure messages.
    public func summary(limit: Int = 300) -> String {
        let text = self.text
        let shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
        let head = reason.isEmpty ? "\(status)" : "\(status) \(reason)"
        return body.isEmpty ? "\(head), no body" : "\(head), \(body.count) bytes: \(shown)"
    }
}
