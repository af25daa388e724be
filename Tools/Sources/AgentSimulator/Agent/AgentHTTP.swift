import Foundation
import PluginHTTP

/// One HTTP exchange, as the agent's Go client performs it.
///
/// The SDK's own outbound client (PluginHTTP, over libcurl) does the exchange: a real per-request deadline (Go's
/// `http.Client.Timeout`), connection errors told apart from HTTP statuses (Argo retries the first), and
/// keep-alive connections shared across calls, like Go's transport. It adds no dependency to the tool beyond the
/// SDK, so `argo-plugin` builds quickly.
enum AgentHTTP {
    /// A status and body, or the transport error that prevented one.
    enum Exchange: Sendable {
        case response(status: Int, reason: String, body: [UInt8])
        case transportError(String)
    }

    static func post(url: String, token: String, body: [UInt8], timeout: Swift.Duration) async -> Exchange {
        let configuration = ServiceConfiguration(
            name: url, auth: .bearer(token), timeout: timeout, connectTimeout: timeout,
            transientStatuses: [], maxReplyBytes: 64 << 20, userAgent: "argo-plugin simulate")
        let client: ServiceClient
        do {
            client = try ServiceClient(url, configuration: configuration)
        } catch {
            return .transportError("Post \"\(url)\": \(error)")
        }
        let request = ServiceRequest(.post, "", headers: [("Content-Type", "application/json")], body: body)
        do {
            let response = try await client.send(request)
            return .response(status: response.status, reason: reasonPhrase(response.status), body: response.body)
        } catch {
            return .transportError(describe(error, url: url, timeout: timeout))
        }
    }

    static func timedOut(url: String, timeout: Swift.Duration) -> String {
        "Post \"\(url)\": context deadline exceeded (Client.Timeout exceeded after \(timeout))"
    }

    /// Go-like wording, so messages read like the ones Argo would show.
    static func describe(_ error: any Error, url: String, timeout: Swift.Duration) -> String {
        let text = String(describing: error)
        if text.contains("did not answer within") || text.contains("no time left") {
            return timedOut(url: url, timeout: timeout)
        }
        let lowered = text.lowercased()
        if lowered.contains("refused") || lowered.contains("couldn't connect") || lowered.contains("could not connect") {
            return "Post \"\(url)\": dial tcp: connect: connection refused"
        }
        if lowered.contains("reset") { return "Post \"\(url)\": connection reset by peer" }
        if lowered.contains("empty reply") || lowered.contains("recv failure") || lowered.contains("closed") {
            return "Post \"\(url)\": EOF"
        }
        return "Post \"\(url)\": \(text)"
    }

    /// Go's `http.StatusText` for the statuses a plugin answers with, as Argo quotes them in errors.
    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 409: return "Conflict"
        case 413: return "Request Entity Too Large"
        case 415: return "Unsupported Media Type"
        case 422: return "Unprocessable Entity"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return ""
        }
    }
}
