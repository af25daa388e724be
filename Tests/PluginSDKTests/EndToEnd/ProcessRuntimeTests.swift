import Foundation
import PluginSDKTesting
import Testing
@testable import PluginSDK

/// The runtime as a process (`FixturePlugin`): logging set up by the author or by flags, help, usage errors,
/// start-up failures, and `run` returning after SIGTERM.
@Suite("The runtime as a process")
struct ProcessRuntimeTests {
    /// Each line of `text` parsed as a JSON object; a line that is not one fails the test.
    private func jsonLines(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(object as? [String: Any], "not a JSON object: \(line)", sourceLocation: sourceLocation)
        }
    }

    @Test("an author who bootstraps swift-log before running the plugin does not crash; run returns after SIGTERM")
    func authorBootstraps() async throws {
        let marker = NSTemporaryDirectory() + "after-run-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: marker) }
        let process = try await PluginProcess.start(
            executable: "FixturePlugin", environment: ["FIXTURE_LOGGING": "bootstrap", "FIXTURE_AFTER_RUN_MARKER": marker])
        defer { process.terminateIfRunning() }
        process.signal(SIGTERM)
        let status = try await process.waitForExit(timeout: .seconds(10))
        #expect(status == 0, "\(process.standardError)")
        #expect(process.standardError.contains(#""message":"the author bootstrapped swift-log""#))
        #expect(process.standardError.contains("argo-plugin: "), "the SDK's own text lines: \(process.standardError)")
        #expect(FileManager.default.fileExists(atPath: marker), "code after PluginRuntime.run never ran")
    }

    @Test("an author who passes their logger gets the SDK's lines through their own handler")
    func authorLogger() async throws {
        let process = try await PluginProcess.start(
            executable: "FixturePlugin", arguments: ["--log-level", "debug"],
            environment: ["FIXTURE_LOGGING": "bootstrap-and-pass"])
        defer { process.terminateIfRunning() }
        process.signal(SIGTERM)
        #expect(try await process.waitForExit(timeout: .seconds(10)) == 0)
        let lines = try jsonLines(process.standardError)
        let listening = try #require(lines.first { $0["message"] as? String == "plugin listening" })
        #expect(listening["label"] as? String == "fixture")
        #expect(lines.contains { $0["message"] as? String == "stopped" && $0["label"] as? String == "fixture" })
    }

    @Test("--log-format json: every line is a JSON object; call lines carry the call metadata; no token, no secret")
    func jsonFormat() async throws {
        let secret = "fixture-api-key-\(UUID().uuidString)"
        let process = try await PluginProcess.start(
            executable: "FixturePlugin", arguments: ["--log-format=json", "--log-level", "trace"],
            environment: ["FIXTURE_API_KEY": secret, "FIXTURE_DEFAULT_MESSAGE": "from the environment"])
        defer { process.terminateIfRunning() }
        let replies = try await blocking { () -> [WireResponse] in
            let body = Bodies.execute(plugin: #"{"fixture":{}}"#, name: "step-a")
            return [
                try openConnection(port: process.port).call(
                    path: "/api/v1/template.execute", token: process.token,
                    json: body),
                try openConnection(port: process.port).call(
                    path: "/api/v1/template.execute", token: "wrong-token",
                    json: body),
            ]
        }
        #expect(replies.map(\.status) == [200, 403])
        #expect(try JSONMeaning.parse(replies[0].body)["node"]?["message"] == "from the environment")
        process.signal(SIGTERM)
        #expect(try await process.waitForExit(timeout: .seconds(10)) == 0)
        let text = process.standardError
        let lines = try jsonLines(text)
        let call = try #require(lines.first { $0["message"] as? String == "call" }, "\(text)")
        #expect(call["argo.workflow"] as? String == "my-wf")
        #expect(call["argo.namespace"] as? String == "argo")
        #expect(call["argo.template"] as? String == "step-a")
        #expect(call["rpc.method"] as? String == "template.execute")
        #expect(call["level"] as? String == "debug")
        #expect(call["label"] as? String == "argo-plugin")
        #expect((call["time"] as? String)?.hasSuffix("Z") == true)
        let listening = try #require(lines.first { $0["message"] as? String == "plugin listening" })
        #expect((listening["threads"] as? String)?.isEmpty == false)
        #expect(!text.contains(process.token))
        #expect(!text.contains("wrong-token"))
        #expect(!text.contains(secret))
    }

    @Test("in the author's own ServiceGroup (as the README writes it): SIGTERM stops both services, exit 0")
    func authorServiceGroup() async throws {
        let process = try await PluginProcess.start(executable: "FixtureServiceGroup")
        defer { process.terminateIfRunning() }
        let reply = try await blocking {
            try openConnection(port: process.port).call(
                path: "/api/v1/template.execute", token: process.token,
                json: Bodies.execute(plugin: #"{"echo":{}}"#))
        }
        #expect(reply.status == 200)
        process.signal(SIGTERM)
        #expect(try await process.waitForExit(timeout: .seconds(10)) == 0, "\(process.standardError)")
        #expect(process.standardError.contains("heartbeat stopped"))
        #expect(process.standardError.contains("stopped drained=true") || process.standardError.contains("drained=true"))
    }

    @Test("--help names the binary, lists the plugin's options and the SDK's, and exits 0")
    func help() async throws {
        let run = try await OneShotProcess.run("FixturePlugin", ["--help"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("USAGE: FixturePlugin"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("PLUGIN OPTIONS:"))
        #expect(run.standardOutput.contains("--default-message"))
        #expect(run.standardOutput.contains("SERVER OPTIONS:"))
        #expect(run.standardOutput.contains("FIXTURE_DEFAULT_MESSAGE"))
        #expect(run.standardOutput.contains("(default: 4355)"))
    }

    @Test("a bad flag prints usage and exits 64; a bad variable is named and its value not repeated")
    func usageErrors() async throws {
        let bad = try await OneShotProcess.run("FixturePlugin", ["--no-such-flag"])
        #expect(bad.status == 64)
        #expect(bad.standardError.contains("Unknown option '--no-such-flag'"))
        #expect(bad.standardError.contains("Usage: FixturePlugin"))
        let variable = try await OneShotProcess.run("FixturePlugin", [], environment: ["ARGO_PLUGIN_THREADS": "s3cr3t-many"])
        #expect(variable.status == 64)
        #expect(variable.standardError.contains("ARGO_PLUGIN_THREADS"))
        #expect(!variable.standardError.contains("s3cr3t-many"))
    }

    @Test("a start-up failure prints one error line and exits 1")
    func startupFailure() async throws {
        let run = try await OneShotProcess.run("FixturePlugin", ["--port", "0", "--token-file=/nonexistent/token"])
        #expect(run.status == 1)
        let lines = run.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(run.standardError)")
        #expect(lines.first?.hasPrefix("error: cannot read the Argo token file /nonexistent/token") == true)
    }
}
