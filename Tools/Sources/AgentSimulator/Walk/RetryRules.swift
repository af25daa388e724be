import ArgoModels
import Foundation

/// A template's `retryStrategy` (or the workflow's), parsed as Argo reads it.
struct RetryRules: Sendable {
    /// `limit`: retries after the first attempt; nil retries without end.
    var limit: Int?
    /// `retryPolicy`: `Always`, `OnFailure` (the default, or `Always` with an `expression`), `OnError`,
    /// `OnTransientError`.
    var policy: String
    /// `backoff`, when given.
    var backoff: Backoff?
    var expression: String?

    struct Backoff: Sendable {
        /// `duration`; nil is Argo's "no base duration specified for retryStrategy".
        var duration: Swift.Duration?
        /// `factor` (an integer in Argo); the wait is `duration * factor^(attempts - 1)`.
        var factor: Int?
        var cap: Swift.Duration?
        var maxDuration: Swift.Duration?
    }

    init(_ strategy: JSONValue) throws(BindingError) {
        if let text = strategy["limit"].flatMap(Placeholders.text) {
            guard let number = Int(text) else {
                throw BindingError("strconv.Atoi: parsing \"\(text)\": invalid syntax")
            }
            limit = number
        }
        expression = strategy["expression"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        policy = strategy["retryPolicy"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            ?? (expression == nil ? "OnFailure" : "Always")
        guard ["Always", "OnFailure", "OnError", "OnTransientError"].contains(policy) else {
            throw BindingError("\(policy) is not a valid RetryPolicy")
        }
        if let backoff = strategy["backoff"] {
            self.backoff = Backoff(
                duration: try backoff["duration"].flatMap(Placeholders.text).map(Self.duration),
                factor: backoff["factor"].flatMap(Placeholders.text).flatMap { Int($0) },
                cap: try backoff["cap"].flatMap(Placeholders.text).map(Self.duration),
                maxDuration: try backoff["maxDuration"].flatMap(Placeholders.text).map(Self.duration))
        }
    }

    /// Argo's `ParseStringToDuration`: a bare integer is seconds, otherwise a Go duration (`10s`, `1m30s`).
    static func duration(_ text: String) throws(BindingError) -> Swift.Duration {
        if let seconds = Int(text) { return .seconds(seconds) }
        do {
            return try GoDuration(parsing: text).swiftDuration
        } catch {
            throw BindingError("unable to parse \(text) as a duration: time: invalid duration \"\(text)\"")
        }
    }

    /// The wait before attempt `attempts + 1`, uncapped by `maxDuration`.
    func wait(afterAttempts attempts: Int) -> Swift.Duration? {
        guard let backoff, let base = backoff.duration else { return nil }
        var wait = base
        if let factor = backoff.factor, factor > 0 {
            wait = base * pow(Double(factor), Double(attempts - 1))
        }
        if let cap = backoff.cap, wait > cap { wait = cap }
        return wait
    }

    /// Whether a failed attempt with this phase and message may be retried under the policy.
    func allows(_ phase: NodePhase, message: String?, transientPattern: String?) -> Bool {
        switch policy {
        case "Always": return true
        case "OnError": return phase == .error
        case "OnTransientError": return Self.isTransient(message ?? "", pattern: transientPattern)
        default: return phase == .failed
        }
    }

    /// Argo's `IsTransientErr` on a node message: the network and API-server messages it knows, or
    /// `TRANSIENT_ERROR_PATTERN`.
    static func isTransient(_ message: String, pattern: String?) -> Bool {
        let known = ["etcdserver: leader changed", "etcdserver: request timed out", "etcdserver: too many requests",
            "unexpected error when reading response body", "stream error when reading response body",
            "Connection closed by foreign host", "net/http: TLS handshake timeout", "i/o timeout",
            "connection timed out", "connection reset by peer", "http2: client connection lost",
            "http2: server sent GOAWAY and closed the connection", "request did not complete within requested timeout",
            "connect: connection refused", "invalid connection", "client rate limiter Wait returned an error",
            "upper: no more rows in"]
        if known.contains(where: message.contains) { return true }
        guard let pattern, !pattern.isEmpty else { return false }
        return message.range(of: pattern, options: .regularExpression) != nil
    }
}
