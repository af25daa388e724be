import AsyncHTTPClient
import FoundationEssentials
import Logging
import NIOCore

/// Posts messages to one Slack incoming-webhook URL over AsyncHTTPClient.
///
/// One attempt per call and no retries of its own: Argo retries transient failures (503) with backoff, and a
/// second in-plugin attempt would only add duplicate posts. Redirects are refused so a misconfigured URL cannot
/// forward the message elsewhere. Each post is bounded by ``timeout`` and by the caller's deadline, so the plugin
/// always answers Argo before the agent gives up on the call.
struct SlackWebhook: Sendable {
    /// The webhook URL (a credential: never logged).
    let url: String
    /// The longest a single post may take.
    let timeout: Duration
    /// The client; owned by this webhook and kept for the life of the process.
    let client: HTTPClient

    /// Validates `url` and creates a client that refuses redirects.
    ///
    /// HTTPS is required, except plain HTTP to a loopback host, which local tests and port-forwards use.
    init(url: String, timeout: Duration = .seconds(10)) throws(SlackConfigurationError) {
        try Self.validate(url)
        self.url = url
        self.timeout = timeout
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(5), read: .seconds(Int64(timeout.components.seconds) + 1))
        )
        configuration.httpVersion = .http1Only
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Posts `message`, giving up after ``timeout`` or at `deadline`, whichever is sooner.
    func post(_ message: SlackMessage, deadline: ContinuousClock.Instant, logger: Logger) async -> SlackDelivery {
        let budget = min(timeout, ContinuousClock.now.duration(to: deadline))
        guard budget > .milliseconds(50) else {
            return .retryable("no time left before the call's deadline to reach Slack")
        }
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        do {
            request.body = .bytes(ByteBuffer(bytes: try message.jsonBody()))
        } catch {
            return .rejected("the message could not be encoded as JSON: \(error)")
        }
        let nanoseconds = budget.components.seconds * 1_000_000_000 + budget.components.attoseconds / 1_000_000_000
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(nanoseconds), logger: logger)
            let body = try await response.body.collect(upTo: 64 * 1024)
            return SlackDelivery.classify(
                status: Int(response.status.code), body: String(buffer: body),
                retryAfter: response.headers.first(name: "Retry-After"))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            return .retryable("Slack did not answer within \(Self.seconds(budget)); the message may or may not have been posted")
        } catch {
            return .retryable("could not reach Slack: \(error)")
        }
    }

    /// Closes the client's connections; a second call does nothing.
    func shutdown() async throws {
        do {
            try await client.shutdown()
        } catch let error as HTTPClientError where error == .alreadyShutdown {
            return
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let millis = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return "\(Double(millis) / 1000)s"
    }

    private static func validate(_ text: String) throws(SlackConfigurationError) {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host(), !host.isEmpty
        else {
            throw .invalidURL(reason: "it does not parse as an absolute URL with a host")
        }
        let loopback = ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased())
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw .invalidURL(reason: "the scheme must be https (plain http is accepted for loopback hosts only), got \(scheme)")
        }
        guard url.user() == nil, url.password() == nil else {
            throw .invalidURL(reason: "it must not carry a user name or password")
        }
    }
}
