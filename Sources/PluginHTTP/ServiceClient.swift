import Logging
import PluginSDK

/// Calls one HTTP service from a plugin: JSON in and out, credentials, the system trust store plus your CA, and
/// a timeout that always ends before the plugin call's deadline.
///
/// Create it once, at start-up, so a bad URL, an unreadable CA file or a missing token stops the plugin with
/// one line instead of failing the first call. It is a cheap value: copies share one connection pool.
///
/// ```swift
/// let github = try ServiceClient(
///     "https://api.github.com", configuration: .init(name: "GitHub", auth: .bearer(token)))
///
/// func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
///     let pull: PullRequest = try await github.get("/repos/\(owner)/\(repo)/pulls/\(number)", context: context)
///     ...
/// }
/// ```
///
/// How answers become outcomes, in ``call(_:context:)`` and the JSON methods:
///
/// | the service | the call |
/// |---|---|
/// | 2xx | returns (the body decoded, for the JSON methods) |
/// | 429, 502, 503, 504 (``ServiceConfiguration/transientStatuses``), connection error, timeout | throws `TransientError`: Argo retries |
/// | 3xx (redirects are not followed), other 4xx and 5xx | throws ``ServiceError``: the node fails with its message |
///
/// Requests run on one event thread of the client's own (libcurl), never blocking Swift's cooperative pool;
/// cancelling the calling task (the SDK does at the call's deadline) aborts the transfer.
public struct ServiceClient: Sendable {
    /// The configuration in force.
    public let configuration: ServiceConfiguration
    let base: BaseURL
    let trustPEM: [UInt8]?
    let tokenFile: TokenFileSource?

    /// Checks `baseURL`, reads the CA and token files, and fails with one actionable line if any is unusable.
    ///
    /// `baseURL` may carry a path (a webhook URL, `https://gitlab.example.com/api/v4`); request paths are
    /// appended to it. The URL's path is treated as a secret and never shown; its host is. Plain `http` is
    /// accepted (tests, sidecars on loopback, in-cluster services); prefer `https` for anything else.
    public init(_ baseURL: String, configuration: ServiceConfiguration = ServiceConfiguration())
        throws(ServiceConfigurationError)
    {
        let base = try BaseURL(baseURL)
        self.base = base
        self.configuration = configuration
        self.trustPEM = try TrustStore.pem(for: configuration.trust, https: base.scheme == "https")
        switch configuration.auth.storage {
        case .bearer(let token), .header(_, let token):
            guard !token.isEmpty else {
                throw ServiceConfigurationError(
                    "the credential for \(configuration.name ?? base.bareHost) is empty: set the token (e.g. from a "
                        + "Secret mounted as an environment variable)")
            }
            tokenFile = nil
        case .bearerFile(let path):
            tokenFile = try TokenFileSource(path: path)
        case .none, .basic:
            tokenFile = nil
        }
    }

    /// What messages call the service.
    public var name: String { configuration.name ?? base.bareHost }

    /// Sends `request` and returns the answer whatever its status; only a failure to get one throws:
    /// `TransientError` for a timeout, a connection error or no time left before `context.deadline`;
    /// ``ServiceError`` for a TLS failure or an oversized reply. Use it when statuses need handling of your own.
    public func send(_ request: ServiceRequest, context: PluginContext) async throws -> ServiceResponse {
        try await send(request, deadline: context.deadline, logger: context.logger)
    }

    /// ``send(_:context:)`` outside a plugin call: bounded by `deadline` (if any) and the configured timeout.
    public func send(
        _ request: ServiceRequest, deadline: ContinuousClock.Instant? = nil,
        logger: Logger = Logger(label: "argo-plugin.http")
    ) async throws -> ServiceResponse {
        let budget = timeBudget(deadline: deadline)
        guard budget >= .milliseconds(50) else {
            throw TransientError("no time left before the call's deadline to call \(name)")
        }
        let started = ContinuousClock.now
        let wire = wireRequest(request, budget: budget)
        do {
            let answer = try await CurlEventLoop.shared.perform(wire)
            logger.debug(
                "service answered",
                metadata: [
                    "http.service": "\(name)", "http.method": "\(request.method)", "http.status": "\(answer.status)",
                    "http.duration_ms": "\(milliseconds(ContinuousClock.now - started))",
                ])
            return ServiceResponse(status: answer.status, headers: answer.headers, body: answer.body)
        } catch {
            logger.debug(
                "service call failed",
                metadata: ["http.service": "\(name)", "http.method": "\(request.method)", "error": "\(error)"])
            throw mapped(error, request: request, budget: budget)
        }
    }

    /// Sends `request` and returns a 2xx answer; other answers throw as the table above says.
    public func call(_ request: ServiceRequest, context: PluginContext) async throws -> ServiceResponse {
        let response = try await send(request, context: context)
        try check(response, request: request)
        return response
    }

    /// The time this exchange may take: the timeout, cut to end ``ServiceConfiguration/deadlineMargin`` before
    /// `deadline`.
    func timeBudget(deadline: ContinuousClock.Instant?) -> Swift.Duration {
        guard let deadline else { return configuration.timeout }
        let left = ContinuousClock.now.duration(to: deadline) - configuration.deadlineMargin
        return min(configuration.timeout, left)
    }

    /// Throws for a non-2xx answer: `TransientError` for the transient statuses, ``ServiceError`` otherwise.
    package func check(_ response: ServiceResponse, request: ServiceRequest) throws {
        guard !response.isSuccess else { return }
        let excerpt = redaction.excerpt(response.body)
        let what = "\(request.method) \(shownPath(request))"
        if configuration.transientStatuses.contains(response.status) {
            let retry = response.header("Retry-After").map { ", retry after \($0.prefix(20))s" } ?? ""
            throw TransientError("\(name) answered \(what) with HTTP \(response.status)\(retry): \(excerpt)")
        }
        if (300..<400).contains(response.status) {
            throw ServiceError(
                kind: .redirected, service: name, status: response.status, bodyExcerpt: excerpt,
                description: "\(name) redirected \(what) (HTTP \(response.status)), which is not followed: check the URL")
        }
        throw ServiceError(
            kind: .refused, service: name, status: response.status, bodyExcerpt: excerpt,
            description: "\(name) refused \(what) with HTTP \(response.status): \(excerpt)")
    }

    /// The request's path without its query, for messages (the base URL's own path is never shown).
    func shownPath(_ request: ServiceRequest) -> String {
        request.path.isEmpty ? "/" : redaction.redact(request.path)
    }

    /// The secrets this client sends, to keep out of messages.
    var redaction: Redaction {
        var secrets = [base.path]
        switch configuration.auth.storage {
        case .bearer(let token), .header(_, let token): secrets.append(token)
        case .bearerFile: if let tokenFile { secrets.append(tokenFile.token()) }
        case .basic(let user, let password): secrets += [password, Base64.encode(Array("\(user):\(password)".utf8))]
        case .none: break
        }
        return Redaction(secrets: secrets)
    }

    private func wireRequest(_ request: ServiceRequest, budget: Swift.Duration) -> WireRequest {
        var headers = (configuration.headers + request.headers).map { "\($0.0): \($0.1)" }
        switch configuration.auth.storage {
        case .none: break
        case .bearer(let token): headers.append("Authorization: Bearer \(token)")
        case .bearerFile: headers.append("Authorization: Bearer \(tokenFile?.token() ?? "")")
        case .basic(let user, let password):
            headers.append("Authorization: Basic \(Base64.encode(Array("\(user):\(password)".utf8)))")
        case .header(let header, let value): headers.append("\(header): \(value)")
        }
        if !headers.contains(where: { $0.lowercased().hasPrefix("accept:") }) {
            headers.append("Accept: application/json")
        }
        var body = request.body
        if body == nil, [.post, .put, .patch].contains(request.method) { body = [] }
        return WireRequest(
            url: base.appending(request.target), method: request.method.rawValue, headers: headers, body: body,
            timeoutMilliseconds: milliseconds(budget),
            connectTimeoutMilliseconds: milliseconds(min(configuration.connectTimeout, budget)),
            trustPEM: trustPEM, maxReplyBytes: configuration.maxReplyBytes, userAgent: configuration.userAgent)
    }

    private func mapped(_ error: WireFailure, request: ServiceRequest, budget: Swift.Duration) -> any Error {
        let what = "\(request.method) \(shownPath(request))"
        switch error {
        case .timedOut:
            return TransientError(
                "\(name) did not answer within \(seconds(budget)) (\(what)); it may or may not have acted on it")
        case .connection(let detail):
            return TransientError("could not reach \(name) for \(what): \(redaction.redact(detail))")
        case .cancelled:
            return CancellationError()
        case .tls(let detail):
            return ServiceError(
                kind: .tls, service: name,
                description: "TLS with \(name) failed: \(redaction.redact(detail)); if it uses a private CA, "
                    + "trust it with TLSTrust.systemPlus(caFile:)")
        case .replyTooLarge:
            return ServiceError(
                kind: .replyTooLarge, service: name,
                description: "\(name) answered \(what) with more than \(configuration.maxReplyBytes) bytes")
        case .other(let detail):
            return ServiceError(kind: .failed, service: name, description: "\(what) to \(name) failed: \(redaction.redact(detail))")
        }
    }
}

func milliseconds(_ duration: Swift.Duration) -> Int {
    Int(duration.components.seconds) * 1000 + Int(duration.components.attoseconds / 1_000_000_000_000_000)
}

func seconds(_ duration: Swift.Duration) -> String {
    let millis = milliseconds(duration)
    return millis % 1000 == 0 ? "\(millis / 1000)s" : "\(Double(millis) / 1000)s"
}
