/// How a ``ServiceClient`` calls its service: credentials, trust, time limits and which answers are worth a retry.
///
/// Every member has a default; set what differs.
///
/// ```swift
/// var configuration = ServiceConfiguration(name: "GitHub", auth: .bearer(token))
/// configuration.timeout = .seconds(5)
/// let github = try ServiceClient("https://api.github.com", configuration: configuration)
/// ```
public struct ServiceConfiguration: Sendable {
    /// What messages and logs call the service, e.g. `GitHub`; the URL's host when `nil`.
    public var name: String?
    /// The credentials sent with every request.
    public var auth: ServiceAuth
    /// Which certificate authorities an `https` service may present.
    public var trust: TLSTrust
    /// The longest one exchange may take. It is shortened further so that it ends ``deadlineMargin`` before the
    /// plugin call's deadline.
    public var timeout: Swift.Duration
    /// The longest the connection (TCP and TLS) may take to come up.
    public var connectTimeout: Swift.Duration
    /// Time kept free before the call's deadline for the plugin to answer Argo.
    public var deadlineMargin: Swift.Duration
    /// Statuses that mean "try again later": they become `TransientError` and Argo retries the call with backoff.
    /// Default: 429, 502, 503 and 504.
    public var transientStatuses: Set<Int>
    /// Replies longer than this fail (default 8 MiB).
    public var maxReplyBytes: Int
    /// Headers sent with every request (not credentials: use ``auth``, whose values are kept out of messages).
    public var headers: [(String, String)]
    /// The `User-Agent` header.
    public var userAgent: String

    /// Creates a configuration; every argument has a default.
    public init(
        name: String? = nil, auth: ServiceAuth = .none, trust: TLSTrust = .system, timeout: Swift.Duration = .seconds(10),
        connectTimeout: Swift.Duration = .seconds(5), deadlineMargin: Swift.Duration = .milliseconds(500),
        transientStatuses: Set<Int> = [429, 502, 503, 504], maxReplyBytes: Int = 8 << 20,
        headers: [(String, String)] = [], userAgent: String = "swift-argo-plugin"
    ) {
        self.name = name
        self.auth = auth
        self.trust = trust
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.deadlineMargin = deadlineMargin
        self.transientStatuses = transientStatuses
        self.maxReplyBytes = maxReplyBytes
        self.headers = headers
        self.userAgent = userAgent
    }
}
