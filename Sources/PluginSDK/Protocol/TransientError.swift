/// A failure worth retrying: the SDK answers 503, and Argo retries the call with backoff.
///
/// Throw it for rate limits, timeouts and unavailable dependencies. Any other error thrown by a handler fails the
/// node instead.
///
/// ```swift
/// if response.status == 429 { throw TransientError("Slack rate limit, retry later") }
/// ```
public struct TransientError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, returned to Argo in the 503 body.
    public var message: String

    /// Creates a transient error with a message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
