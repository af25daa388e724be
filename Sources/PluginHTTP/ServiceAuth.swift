/// The credentials a ``ServiceClient`` sends. Their values never appear in logs or error messages: a reply
/// excerpt that echoes one shows `[redacted]` instead.
///
/// ```swift
/// ServiceAuth.bearer(environment["GITHUB_TOKEN"] ?? "")
/// ServiceAuth.basic(username: "ci", password: password)
/// ServiceAuth.bearerTokenFile("/var/run/secrets/kubernetes.io/serviceaccount/token")
/// ```
public struct ServiceAuth: Sendable {
    enum Storage: Sendable {
        case none
        case bearer(String)
        case bearerFile(String)
        case basic(username: String, password: String)
        case header(name: String, value: String)
    }

    let storage: Storage

    /// No credentials.
    public static let none = ServiceAuth(storage: .none)

    /// `Authorization: Bearer <token>`. An empty token fails when the client is created.
    public static func bearer(_ token: String) -> ServiceAuth {
        ServiceAuth(storage: .bearer(token.trimmingWhitespace))
    }

    /// `Authorization: Bearer <token>` with the token read from a file, read again whenever the file changes (a
    /// rotated Kubernetes service-account token, say). A missing, unreadable or empty file fails when the client
    /// is created.
    public static func bearerTokenFile(_ path: String) -> ServiceAuth {
        ServiceAuth(storage: .bearerFile(path))
    }

    /// `Authorization: Basic base64(username:password)`.
    public static func basic(username: String, password: String) -> ServiceAuth {
        ServiceAuth(storage: .basic(username: username, password: password))
    }

    /// A header of the service's own, e.g. GitLab's `PRIVATE-TOKEN`; its value is treated as a secret.
    public static func header(_ name: String, value: String) -> ServiceAuth {
        ServiceAuth(storage: .header(name: name, value: value.trimmingWhitespace))
    }
}

extension String {
    /// The string without leading or trailing spaces and newlines (a Secret made from a file often ends in one).
    var trimmingWhitespace: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
