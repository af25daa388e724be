import ArgoModels
import Foundation

/// Argo's plugin RPC client (`workflow/util/plugin/plugin.go`), call for call.
///
/// - `POST <address>/api/v1/<method>` with `Content-Type: application/json` and `Authorization: Bearer <token>`;
/// - 200: the body is decoded as the reply; a body that does not decode is a final error;
/// - 404: the method is remembered as not served, and the call counts as answered with nothing;
/// - 503, connection errors and timeouts: retried with backoff, up to the attempt limit;
/// - any other status: a final error `"<status> <reason>: <body>"`.
struct AgentRPC: Sendable {
    let timing: AgentTiming
    let progress: @Sendable (String) -> Void

    func call(_ endpoint: PluginEndpoint, method: String, body: [UInt8]) async -> AgentCallResult {
        if await endpoint.isInvalid(method) { return .notFound }
        let url = "\(endpoint.address)/api/v1/\(method)"
        var lastError = ""
        var lastWasTransport = false
        for attempt in 1...max(1, timing.attempts) {
            switch await AgentHTTP.post(url: url, token: endpoint.token, body: body, timeout: timing.callTimeout) {
            case .transportError(let message):
                lastError = message
                lastWasTransport = true
            case .response(let status, let reason, let bytes):
                let text = String(decoding: bytes, as: UTF8.self)
                switch status {
                case 200:
                    do {
                        return .reply(try JSONDecoder().decode(ExecuteTemplateReply.self, from: Data(bytes)))
                    } catch {
                        return .failed(
                            message: "the plugin at \(endpoint.address) answered 200 with a body that is not an "
                                + "ExecuteTemplateReply: \(Self.shortDecodingError(error)); body: \(String(text.prefix(200)))",
                            hint: "the plugin must answer JSON such as {\"node\":{\"phase\":\"Succeeded\"}} or {}")
                    }
                case 404:
                    progress("    \(endpoint.address) answered 404 for \(method): not calling it again")
                    await endpoint.markInvalid(method)
                    return .notFound
                case 503:
                    lastError = text
                    lastWasTransport = false
                default:
                    let hint =
                        status == 403
                        ? "the plugin at \(endpoint.address) refused the token: check --token-file" : nil
                    return .failed(message: "\(status) \(reason): \(text)", hint: hint)
                }
            }
            if attempt < timing.attempts {
                let wait = timing.backoff(afterAttempt: attempt)
                progress(
                    "    \(endpoint.address): \(lastWasTransport ? lastError : "503 transient: \(lastError)"); "
                        + "retrying in \(Self.format(wait)) (attempt \(attempt + 1) of \(timing.attempts))")
                try? await Task.sleep(for: wait)
            }
        }
        let hint =
            lastWasTransport
            ? "is the plugin running at \(endpoint.address)? Start it, or fix --plugin"
            : "the plugin stayed unavailable (503) through \(timing.attempts) attempts"
        return .failed(message: lastError, hint: hint)
    }

    static func shortDecodingError(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return context.underlyingError.map { "\($0)" } ?? context.debugDescription
        }
        return "\(error)"
    }

    static func format(_ duration: Swift.Duration) -> String {
        let seconds = AgentTiming.seconds(duration)
        return seconds < 1 ? "\(Int(seconds * 1000)) ms" : String(format: "%.1f s", seconds)
    }
}
