import Foundation
import Testing

import PluginSDKTesting
import Slack

/// Start-up configuration: the options parse from flags and the environment as the runtime parses them, and the
/// plugin refuses to start without a usable webhook URL.
@Suite("SlackPlugin configuration")
struct SlackConfigurationTests {
    /// The options the runtime would parse from `arguments` and `environment`.
    private func options(_ environment: [String: String], arguments: [String] = []) throws(StartupError) -> SlackOptions {
        try SlackOptions.parse(arguments, environment: environment)
    }

    /// Why `Slack` refuses these options, or nil if it starts.
    private func failure(_ options: SlackOptions) async throws -> SlackConfigurationError? {
        do {
            _ = try Slack(options: options)
            return nil
        } catch {
            return error
        }
    }

    @Test("a missing or blank URL refuses to start and says how to fix it", arguments: [[:], ["URL": ""]])
    func missing(environment: [String: String]) async throws {
        // An empty variable counts as unset.
        let error = try await failure(options(environment))
        #expect(error == .missingURL)
        #expect(error?.description.contains("environment variable URL is not set") == true)
        #expect(error?.description.contains("secretKeyRef") == true)
    }

    @Test("a URL of only whitespace is a usage error naming the variable")
    func blank() {
        do {
            _ = try options(["URL": " \n"])
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 64)
            #expect(error.message.contains("URL"), "\(error.message)")
        }
    }

    @Test(
        "an unusable URL refuses to start without echoing the secret",
        arguments: [
            "hooks.slack.com/services/T/B/secret-token", "ftp://hooks.slack.com/services/T/B/secret-token",
            "http://hooks.slack.com/services/T/B/secret-token", "https://user:pw@hooks.slack.com/secret-token",
        ])
    func invalid(url: String) async throws {
        let error = try await failure(options(["URL": url]))
        guard case .invalidURL? = error else {
            Issue.record("expected invalidURL, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("secret-token") == false)
    }

    @Test("https URLs, and http to loopback, are accepted; a trailing newline from the Secret is ignored")
    func valid() async throws {
        _ = try Slack(options: options(["URL": "https://hooks.slack.com/services/T/B/x\n"]))
        let server = try await FakeService.start([.post("/**", .text("ok"))])
        let webhook = server.url + "/services/T0000/B0000/secret-token"
        let local = try Slack(options: options(["URL": webhook + "\n"]))
        let reply = try await PluginTestClient.with(local, transport: .inProcess) { client in
            try await client.execute(.fixture(plugin: "slack", config: ["text": "hi"]))
        }
        await server.stop()
        #expect(reply.node?.phase == .succeeded)
        #expect(server.requests.map(\.path) == ["/services/T0000/B0000/secret-token"])
    }

    @Test("SLACK_TIMEOUT_SECONDS bounds each post (default 10 s)")
    func timeout() async throws {
        #expect(try options(["URL": "https://hooks.slack.com/x"]).slackTimeoutSeconds == 10)
        let server = try await FakeService.start([.post("/**", FakeReply.text("ok").delayed(by: .seconds(3)))])
        let slack = try Slack(options: options(["URL": server.url, "SLACK_TIMEOUT_SECONDS": "0.5"]))
        let body = #"{"workflow":{"metadata":{"name":"w"}},"template":{"name":"t","plugin":{"slack":{"text":"hi"}}}}"#
        let started = ContinuousClock.now
        let result = try await PluginTestClient.with(slack, transport: .inProcess) { client in
            try await client.call(.templateExecute, json: body)
        }
        #expect(result.status == 503)
        #expect(result.errorMessage?.contains("did not answer within 0.5s") == true, "\(result.text)")
        #expect(ContinuousClock.now - started < .seconds(2))
        await server.stop()
    }

    @Test("flags win over the environment")
    func flagsWin() throws {
        let parsed = try options(
            ["URL": "https://hooks.slack.com/services/T/B/env", "SLACK_TIMEOUT_SECONDS": "2"],
            arguments: ["--url=https://hooks.slack.com/services/T/B/flag", "--slack-timeout-seconds", "3"])
        #expect(parsed.url?.value == "https://hooks.slack.com/services/T/B/flag")
        #expect(parsed.slackTimeoutSeconds == 3)
    }

    @Test("the URL can come from a mounted file (URL_FILE), trimmed")
    func urlFile() async throws {
        let server = try await FakeService.start([.post("/**", .text("ok"))])
        let path = NSTemporaryDirectory() + "slack-url-\(UUID().uuidString)"
        try (server.url + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let slack = try Slack(options: options(["URL_FILE": path]))
        _ = try await PluginTestClient.with(slack, transport: .inProcess) { client in
            try await client.execute(.fixture(plugin: "slack", config: ["text": "from a file"]))
        }
        await server.stop()
        #expect(server.requests.map(\.text) == [#"{"text":"from a file"}"#])
    }

    @Test("a URL file that does not exist refuses to start with one line naming it")
    func urlFileMissing() async throws {
        let error = try await failure(options([:], arguments: ["--url-file", "/nonexistent/slack-url"]))
        guard case .unreadableURLFile(let reason)? = error else {
            Issue.record("expected unreadableURLFile, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("/nonexistent/slack-url"))
        #expect(reason.contains("No such file or directory"))
        #expect(!reason.contains("\n"))
    }

    @Test("a bad SLACK_TIMEOUT_SECONDS is a usage error naming the variable", arguments: ["0", "-1", "soon"])
    func badTimeout(value: String) {
        do {
            _ = try options(["URL": "https://hooks.slack.com/x", "SLACK_TIMEOUT_SECONDS": value])
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 64)
            #expect(error.message.contains("SLACK_TIMEOUT_SECONDS"), "\(error.message)")
        }
    }

    @Test("the URL given twice is refused without echoing it")
    func twice() throws {
        do {
            _ = try options(["URL": "https://hooks.slack.com/services/T/B/secret-token", "URL_FILE": "/run/url"])
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("not both"), "\(error.message)")
            #expect(!error.message.contains("secret-token"))
        }
    }

    @Test("an options value prints redacted")
    func redacted() throws {
        let parsed = try options(["URL": "https://hooks.slack.com/services/T/B/secret-token"])
        #expect(!"\(parsed)".contains("secret-token"))
        #expect(!String(reflecting: parsed).contains("secret-token"))
    }
}
