import Testing

@testable import Slack

/// Start-up configuration: the plugin refuses to start without a usable webhook URL.
@Suite("SlackPlugin configuration")
struct SlackConfigurationTests {
    private func failure(_ environment: [String: String]) -> SlackConfigurationError? {
        do {
            _ = try Slack(environment: environment)
            return nil
        } catch {
            return error
        }
    }

    @Test("a missing or blank URL refuses to start and says how to fix it", arguments: [[:], ["URL": ""], ["URL": " \n"]])
    func missing(environment: [String: String]) {
        let error = failure(environment)
        #expect(error == .missingURL)
        #expect(error?.description.contains("secretKeyRef") == true)
    }

    @Test(
        "an unusable URL refuses to start without echoing the secret",
        arguments: [
            "hooks.slack.com/services/T/B/secret-token", "ftp://hooks.slack.com/services/T/B/secret-token",
            "http://hooks.slack.com/services/T/B/secret-token", "https://user:pw@hooks.slack.com/secret-token",
        ])
    func invalid(url: String) {
        let error = failure(["URL": url])
        guard case .invalidURL? = error else {
            Issue.record("expected invalidURL, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("secret-token") == false)
    }

    @Test("https URLs, and http to loopback, are accepted; a trailing newline from the Secret is ignored")
    func valid() async throws {
        let slack = try Slack(environment: ["URL": "https://hooks.slack.com/services/T/B/x\n"])
        #expect(slack.webhook.url == "https://hooks.slack.com/services/T/B/x")
        #expect(slack.webhook.timeout == .seconds(10))
        let local = try Slack(environment: ["URL": "http://127.0.0.1:9/hook", "SLACK_TIMEOUT_SECONDS": "2.5"])
        #expect(local.webhook.timeout == .milliseconds(2500))
        try await slack.webhook.shutdown()
        try await local.webhook.shutdown()
    }

    @Test("a bad SLACK_TIMEOUT_SECONDS refuses to start", arguments: ["0", "-1", "soon"])
    func badTimeout(value: String) {
        #expect(failure(["URL": "https://hooks.slack.com/x", "SLACK_TIMEOUT_SECONDS": value]) == .invalidTimeout(value))
    }
}
