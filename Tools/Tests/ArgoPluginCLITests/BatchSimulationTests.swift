import Foundation
import Testing

/// Examples/BatchPlugin (a JobPlugin) as its README runs it locally: its fake batch service from `argo-plugin
/// fake`, the plugin's binary, and its workflow through `argo-plugin simulate`, which models Argo's agent and its
/// requeues.
@Suite("BatchPlugin under argo-plugin simulate")
struct BatchSimulationTests {
    @Test(
        "the requeue loop: the simulator sees Running twice, then Succeeded; the job is submitted once",
        .timeLimit(.minutes(20)))
    func requeueLoop() async throws {
        let example = Command.root.appendingPathComponent("Examples/BatchPlugin")
        // `make test` built the example before the tools; otherwise this builds it (once).
        let swift = try InitCommandTests.swiftExecutable()
        let build = try await Command.run(swift, ["build", "--package-path", example.path, "--product", "BatchPlugin"])
        try #require(build.status == 0, "\(build.errors.suffix(3000))")
        let binPath = try await Command.run(swift, ["build", "--package-path", example.path, "--show-bin-path"])
        let binary = binPath.output.trimmingCharacters(in: .whitespacesAndNewlines) + "/BatchPlugin"

        let record = NSTemporaryDirectory() + "batch-requests-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: record) }
        let argoPlugin = Command.products.appendingPathComponent("argo-plugin").path
        let fake = try await FakeProcess.start(
            argoPlugin, ["fake", example.appendingPathComponent("fake-batch-service.yaml").path, "--record", record])
        let tokenFile = NSTemporaryDirectory() + "batch-\(UUID().uuidString).token"
        try "batch-token".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: tokenFile) }
        let plugin = try await ListeningProcess.start(
            binary, ["--port", "0", "--token-file", tokenFile, "--service-url", fake.serviceURL])
        let outcome = try await Command.argoPlugin([
            "simulate", example.appendingPathComponent("batch-workflow.yaml").path,
            "--plugin", "http://127.0.0.1:\(plugin.port)", "--token-file", tokenFile, "--fast",
        ])
        plugin.stop()
        fake.stop()

        let lines = outcome.output.split(separator: "\n").map(String.init)
        let running = lines.filter { $0.contains(": Running: ") && $0.contains("requeue after 10s") }
        let succeeded = lines.firstIndex { $0.contains("✔") && $0.contains("Succeeded: job-1 done") }
        #expect(running.count == 2, "\(outcome.output)\(outcome.errors)\nplugin:\n\(plugin.standardError)")
        #expect(running.first?.contains("job-1 is queued") == true)
        #expect(running.last?.contains("job-1: step 1 of 2") == true)
        let lastRunning = lines.lastIndex { $0.contains(": Running: ") }
        #expect(succeeded != nil && lastRunning != nil && succeeded! > lastRunning!, "\(outcome.output)")
        #expect(outcome.output.contains("report for today: 42 rows"))

        let requests = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: record))) as? [[String: Any]]
        let submissions = (requests ?? []).filter { $0["method"] as? String == "POST" && $0["path"] as? String == "/jobs" }
        let reads = (requests ?? []).filter { $0["method"] as? String == "GET" }
        #expect(submissions.count == 1)
        #expect(reads.count == 3)
    }
}
