/// The `Authorization` header a test call sends.
///
/// ```swift
/// try await client.call(.templateExecute, json: "{}", credentials: .none)          // no header: 403
/// try await client.call(.templateExecute, json: "{}", credentials: .token("nope")) // Bearer nope: 403
/// ```
public enum TestCredentials: Sendable, Hashable {
    /// `Bearer <the client's token>`, as Argo sends it.
    case valid
    /// No `Authorization` header.
    case none
    /// `Bearer <token>` with another token.
    case token(String)
    /// The header exactly as given, e.g. `bearer abc` or `Basic abc`.
    case header(String)

    /// The header value to send, given the right token.
    func header(validToken: String) -> String? {
        switch self {
        case .valid: return "Bearer \(validToken)"
        case .none: return nil
        case .token(let token): return "Bearer \(token)"
        case .header(let header): return header
        }
    }
}
