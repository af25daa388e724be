import FoundationEssentials
import Logging
import PluginHTTP
import PluginSDK

/// Posts messages to one Slack incoming-webhook URL with the SDK's `ServiceClient` (PluginHTTP).
///
/// One attempt per call and no retries of its own: Argo retries transient failures (503) with backoff, and a
/// second in-plugin attempt would only add duplicate posts. Redirects are not followed, so a misconfigured URL
/// cannot forward the message elsewhere. Each post is bounded by ``timeout`` and by the caller's deadline, so the
/// plugin always answers Argo before the agent gives up on the call. Slack's statuses are classified by
/// ``SlackDelivery`` (Slack treats 408 and every 5xx as retryable), so the client returns them unclassified.
struct SlackWebhook: Sendable {
    /// The webhook URL (a credential: never logged; the client shows only its host).
    let url: String
    /// The longest a single post may take.
    let timeout: Swift.Duration
    /// The client; copies share the process's one connection pool.
    let client: ServiceClient

    /// Validates `url` and creates the client.
    ///
    /// HTTPS is required, except plain HTTP to a loopback host, which local tests and port-forwards use.
    init(url: String, timeout: Swift.Duration = .seconds(10)) throws(SlackConfigurationError) {
        try Self.validate(url)
        self.url = url
        self.timeout = timeout
        let configuration = ServiceConfiguration(
            name: "Slack", timeout: timeout, deadlineMargin: .zero,
            headers: [("Content-Type", "application/json; charset=utf-8")])
        do {
            self.client = try ServiceClient(url, configuration: configuration)
        } catch {
            throw .invalidURL(reason: "\(error)")
        }
    }

    /// Posts `message`, giving up after ``timeout`` or at `deadline`, whichever is sooner.
    func post(_ message: SlackMessage, deadline: ContinuousClock.Instant, logger: Logger) async -> SlackDelivery {
        let body: [UInt8]
        do {
            body = try message.jsonBody()
        } catch {
            return .rejected("the message could not be encoded as JSON: \(error)")
        }
        do {
            let response = try await client.send(ServiceRequest(.post, "", body: body), deadline: deadline, logger: logger)
            return SlackDelivery.classify(status: response.status, body: response.text, retryAfter: response.header("Retry-After"))
        } catch let error as TransientError {
            // A timeout, a connection failure, or no time left before the deadline.
            return .retryable(error.message)
        } catch {
            return .retryable("could not reach Slack: \(error)")
        }
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
