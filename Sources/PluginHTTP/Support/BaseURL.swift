/// A service's base URL taken apart without Foundation: `scheme://host[:port][/path]`.
///
/// Only `http` and `https` are accepted; a user name or password in the URL, a query or a fragment is refused so
/// that credentials go through ``ServiceAuth`` (whose values are never logged).
struct BaseURL: Sendable, Equatable {
    var scheme: String
    /// The host as written, IPv6 literals with their brackets.
    var host: String
    var port: Int?
    /// The path without a trailing `/`; may be empty. It can be a secret (a webhook URL): never echoed.
    var path: String

    /// Parses `text`, explaining a refusal without repeating the text (it may hold a secret).
    init(_ text: String) throws(ServiceConfigurationError) {
        let trimmed = text.trimmingWhitespace
        let parts = trimmed.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw ServiceConfigurationError("the service URL is not absolute: it must start with https:// or http://")
        }
        let scheme = parts[0].lowercased()
        guard scheme == "https" || scheme == "http" else {
            throw ServiceConfigurationError("the service URL's scheme must be https or http, not \(scheme.prefix(10))")
        }
        let rest = parts[1]
        let stops: Set<Character> = ["/", "?", "#"]
        let authorityEnd = rest.firstIndex(where: { stops.contains($0) }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let tail = rest[authorityEnd...]
        guard !authority.contains("@") else {
            throw ServiceConfigurationError(
                "the service URL must not carry a user name or password: pass them as ServiceAuth.basic")
        }
        guard !tail.contains("?"), !tail.contains("#") else {
            throw ServiceConfigurationError("the service URL must not have a query or fragment: pass query parameters per request")
        }
        var host = String(authority)
        var port: Int?
        if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") {
            host = String(authority[..<colon])
            guard let number = Int(authority[authority.index(after: colon)...]), (1...65535).contains(number) else {
                throw ServiceConfigurationError("the service URL's port is not a number from 1 to 65535")
            }
            port = number
        }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace }) else {
            throw ServiceConfigurationError("the service URL has no host, or a host with spaces")
        }
        var path = String(tail)
        while path.hasSuffix("/") { path.removeLast() }
        guard !path.contains(where: { $0.isWhitespace }) else {
            throw ServiceConfigurationError("the service URL's path contains spaces: percent-encode them")
        }
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
    }

    /// `scheme://host[:port]`.
    var origin: String {
        "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
    }

    /// The absolute URL of `target` (a path and query relative to this URL).
    func appending(_ target: String) -> String {
        origin + path + target
    }

    /// The host without IPv6 brackets, lower-cased.
    var bareHost: String {
        host.lowercased().trimmingCharacters(["[", "]"])
    }

    /// Whether the host is this machine (plain `http` is common there: tests, port-forwards, sidecars).
    var isLoopback: Bool {
        ["localhost", "127.0.0.1", "::1"].contains(bareHost) || bareHost.hasPrefix("127.")
    }
}

extension String {
    func trimmingCharacters(_ characters: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
