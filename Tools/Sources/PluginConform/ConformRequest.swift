/// One request conform sends, described for the report without the real token.
struct ConformRequest: Sendable {
    /// What the `Authorization` header carries.
    enum Credential: Sendable {
        /// `Bearer <the token>`, as Argo sends it.
        case valid
        /// No header.
        case none
        /// `Bearer <another token>`.
        case wrong
    }

    var method = "POST"
    var path: String
    var credential: Credential = .valid
    var body: [UInt8]

    /// `POST /api/v1/<rpc>` with `body`.
    static func rpc(_ rpc: String, body: [UInt8], credential: Credential = .valid) -> ConformRequest {
        ConformRequest(path: "/api/v1/\(rpc)", credential: credential, body: body)
    }

    /// The header lines Argo's Go client sends, besides `Host` and `Content-Length`.
    func headers(token: String) -> [String] {
        switch credential {
        case .valid: return ["Authorization: Bearer \(token)"]
        case .none: return []
        case .wrong: return ["Authorization: Bearer \(Self.wrongToken(for: token))"]
        }
    }

    /// A token that differs from `token` in its last character only, so a prefix comparison is caught too.
    static func wrongToken(for token: String) -> String {
        String(token.dropLast()) + (token.last == "x" ? "y" : "x")
    }

    /// `POST /api/v1/template.execute, Authorization: Bearer <a wrong token>, 231-byte body {"template":...}`.
    var summary: String {
        "\(method) \(path), \(authorization), \(Self.describe(body))"
    }

    /// The `Authorization` header as the report shows it, never the token itself.
    var authorization: String {
        switch credential {
        case .valid: return "Authorization: Bearer <the token from --token-file>"
        case .none: return "no Authorization header"
        case .wrong: return "Authorization: Bearer <a wrong token>"
        }
    }

    /// `231-byte body {"template":...}`, cut at 240 characters.
    static func describe(_ body: [UInt8]) -> String {
        guard !body.isEmpty else { return "empty body" }
        let text = String(decoding: body.prefix(240), as: UTF8.self)
        return "\(body.count)-byte body \(text)\(body.count > 240 ? "…" : "")"
    }
}
