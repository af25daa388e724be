import PluginSDKTesting
import Slack
import Testing

@Suite("SlackPlugin with PluginSDKTesting")
struct SlackConformanceTests {
    @Test("follows Argo's plugin contract: a post, a refusal and an invalid template, in process and over a socket")
    func conformance() async throws {
        let server = try await FakeService.start([.post("/**", .text("ok"))])
        let slack = try Slack(webhookURL: server.url + "/services/T0000/B0000/secret-token", timeout: .seconds(5))
        do {
            // Only the first run posts: the ledger answers the sample that succeeded, the others fail before posting.
            try await PluginConformance.check(
                slack,
                samples: [
                    .fixture(plugin: "slack", config: ["text": "build done", "channel": "#ci"]),
                    .fixture(plugin: "slack", config: ["text": ""]),
                    .fixture(plugin: "slack", config: ["channel": "#ci"]),
                ])
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        // The suite runs each sample on the plugin directly and then on each transport; the plugin's idempotency
        // ledger answers the repeats of the successful post, so Slack sees it once.
        #expect(server.requests.count == 1)
    }
}
