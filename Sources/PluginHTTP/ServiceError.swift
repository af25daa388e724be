/// A call that failed for good: retrying the same request cannot help, so the plugin call fails and its
/// `description` is the message the `Failed` node shows.
///
/// Transient failures (429, 502, 503, 504, connection errors, timeouts) are thrown as the SDK's
/// `TransientError` instead, which Argo retries with backoff.
public struct ServiceError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The service answered with an error status (4xx or 5xx not listed as transient).
        case refused
        /// The service answered with a redirect, which the client does not follow.
        case redirected
        /// The server's certificate could not be verified, or TLS failed.
        case tls
        /// The reply was not the JSON the caller expected.
        case invalidReply
        /// The reply was longer than ``ServiceConfiguration/maxReplyBytes``.
        case replyTooLarge
        /// The request could not be built or sent for another reason.
        case failed
    }

    /// What went wrong.
    public var kind: Kind
    /// The service's name (``ServiceConfiguration/name`` or its host).
    public var service: String
    /// The HTTP status, when the service answered.
    public var status: Int?
    /// The start of the reply body (one line, at most 200 characters, credentials redacted).
    public var bodyExcerpt: String
    /// The whole message, e.g. `GitHub refused POST /repos/o/r/statuses/abc with HTTP 422: {"message":...}`.
    public var description: String

    /// Creates an error (tests build their own).
    public init(kind: Kind, service: String, status: Int? = nil, bodyExcerpt: String = "", description: String) {
        self.kind = kind
        self.service = service
        self.status = status
        self.bodyExcerpt = bodyExcerpt
        self.description = description
    }
}
