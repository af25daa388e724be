import PluginSDKTesting
import Testing
@testable import Slack

@Suite("SlackPlugin with PluginSDKTesting")
struct SlackConformanceTests {
    @Test("follows Argo's plugin contract: a post, a refusal and an invalid template, in process and over a socket")
    func conformance() async throws {
        let server = try FakeSlack([.ok])
        let webhook = try SlackWebhook(url: server.url, timeout: .seconds(5))
        defer { server.stop() }
        do {
            try await PluginConformance.check(
                Slack(webhook: webhook),
                samples: [
                    .fixture(plugin: "slack", config: ["text": "build done", "channel": "#ci"]),
                    .fixture(plugin: "slack", config: ["text": ""]),
                    .fixture(plugin: "slack", config: ["channel": "#ci"]),
                ])
        } catch {
            try await webhook.shutdown()
            throw error
        }
        try await webhook.shutdown()
        // The suite runs each sample on the plugin directly and then on each transport; the plugin's idempotency
        // ledger answers the repeats of the successful post, so Slack sees it once.
        #expect(server.received.count == 1)
    }
}
