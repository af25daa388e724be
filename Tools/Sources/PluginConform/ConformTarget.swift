import Foundation

/// The plugin server under test: where it listens, the token it expects, and how long Argo's client waits.
public struct ConformTarget: Sendable {
    /// The base URL as given, e.g. `http://127.0.0.1:4355`.
    public var url: String
    /// The host part of ``url``.
    public var host: String
    /// The port part of ``url`` (80 when it names none).
    public var port: Int
    /// The token the plugin reads from its token file.
    public var token: String
    /// How long a call may take before Argo's client gives up (30 s for executor plugins, 1 s for controller ones).
    public var timeout: Duration

    /// A target from a base URL such as `http://127.0.0.1:4355`.
    ///
    /// - Throws: ``ConformInputError`` for a URL that is not plain `http://host[:port]` (Argo calls plugins over
    ///   plain HTTP on the pod's loopback).
    public init(url: String, token: String, timeout: Duration) throws(ConformInputError) {
        guard let parsed = URL(string: url), parsed.scheme?.lowercased() == "http", let host = parsed.host(),
            !host.isEmpty
        else {
            throw ConformInputError("\(url) is not a plain http:// URL such as http://127.0.0.1:4355")
        }
        guard parsed.path.isEmpty || parsed.path == "/", parsed.query == nil else {
            throw ConformInputError("\(url): give the base URL only; Argo calls <url>/api/v1/<method>")
        }
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        self.port = parsed.port ?? 80
        self.token = token
        self.timeout = timeout
    }
}

/// Why `conform` cannot run: an unusable URL, token file or sample. The CLI exits 2 with it.
public struct ConformInputError: Error, Sendable, CustomStringConvertible {
    /// A sentence naming the input and the fix.
    public var description: String

    /// Creates the error.
    public init(_ description: String) {
        self.description = description
    }
}
