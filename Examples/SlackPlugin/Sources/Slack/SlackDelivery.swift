/// The outcome of one post to a webhook, classified for Argo.
///
/// | Slack answered | outcome | Argo sees |
/// |---|---|---|
/// | 2xx | ``delivered`` | `Succeeded`, "Slack message sent" |
/// | 408, 429, 5xx, timeout, connection error | ``retryable(_:)`` | HTTP 503: transient, retried with backoff |
/// | 3xx, other 4xx (`invalid_token`, `channel_not_found`, ...) | ``rejected(_:)`` | a `Failed` node |
enum SlackDelivery: Equatable, Sendable {
    /// Slack accepted the message.
    case delivered
    /// Slack refused the message for good; retrying the same request cannot help. The reason names the HTTP
    /// status and Slack's error text, e.g. `HTTP 403: invalid_token`.
    case rejected(String)
    /// The message may not have been posted and a retry may succeed.
    case retryable(String)

    /// Classifies an HTTP answer. `body` is Slack's plain-text error code, e.g. `invalid_token`.
    static func classify(status: Int, body: String, retryAfter: String?) -> SlackDelivery {
        let reason = summary(of: body, status: status)
        switch status {
        case 200..<300:
            return .delivered
        case 429:
            let wait = retryAfter.map { ", retry after \($0)s" } ?? ""
            return .retryable("Slack is rate limiting this webhook (HTTP 429\(wait))")
        case 408, 500..<600:
            return .retryable("Slack answered HTTP \(status): \(reason)")
        case 300..<400:
            return .rejected("HTTP \(status): unexpected redirect; check the webhook URL in the Secret")
        default:
            return .rejected("HTTP \(status): \(reason)")
        }
    }

    /// The first line of the body, at most 200 characters, or the status when the body is empty.
    private static func summary(of body: String, status: Int) -> String {
        let line = body.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "no error text (HTTP \(status))" }
        return trimmed.count > 200 ? String(trimmed.prefix(200)) + "…" : trimmed
    }
}

extension String {
    /// `self` without leading and trailing characters in `set` (FoundationEssentials lacks CharacterSet trimming).
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

extension Set where Element == Character {
    /// Spaces and tabs.
    fileprivate static let whitespaces: Set<Character> = [" ", "\t", "\r"]
}
