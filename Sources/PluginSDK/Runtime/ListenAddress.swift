/// Small facts about listen addresses, for logs and printed URLs.
enum ListenAddress {
    /// Whether `host` only accepts connections from this machine.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "::1"
    }

    /// `host` as it appears in a URL (IPv6 literals in brackets).
    static func urlHost(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }
}
