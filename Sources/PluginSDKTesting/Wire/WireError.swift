/// Why a ``WireConnection`` could not do what it was asked: the peer refused, went quiet, hung up, or answered
/// something that is not HTTP.
///
/// ```swift
/// do {
///     _ = try connection.readResponse()
/// } catch let error as WireError where error.kind == .timedOut {
///     // the server kept the connection open without answering
/// }
/// ```
public struct WireError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// The host did not resolve, or the connection was refused or not made in time.
        case connect
        /// The peer sent nothing (or took nothing) within the connection's timeout.
        case timedOut
        /// The peer closed the connection (or reset it) before the exchange was complete.
        case closed
        /// The bytes received are not an HTTP/1.x response.
        case malformed
    }

    /// What went wrong.
    public var kind: Kind
    /// A sentence for a person, e.g. `no reply within 5 s (0 bytes received)`.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
