import PluginSDKTesting
import Slack
import Testing

@Suite("SlackPlugin with PluginSDKTesting")
struct SlackConformanceTests {
    @Test("follows Argo's plugin contract: a post, a refusal and an invalid template, in process and over a socket")
    func conformance() async throws {
        let server = try FakeSlack([.ok])
        let slack = try Slack(webhookURL: server.url, timeout: .seconds(5))
        defer { server.stop() }
        do {
            // Each transport's close runs the plugin's shutdown (the HTTP client's); the later transport needs no
            // post: the ledger answers the sample that succeeded, the others fail before posting.
            try await PluginConformance.check(
                slack,
                samples: [
                    .fixture(plugin: "slack", config: ["text": "build done", "channel": "#ci"]),
                    .fixture(plugin: "slack", config: ["text": ""]),
                    .fixture(plugin: "slack", config: ["channel": "#ci"]),
                ])
        } catch {
            try await slack.shutdown()
            throw error
        }
        try await slack.shutdown()
        // The suite runs each sample on the plugin directly and then on each transport; the plugin's idempotency
        // ledger answers the repeats of the successful post, so Slack sees it once.
        #expect(server.received.count == 1)
    }
}
