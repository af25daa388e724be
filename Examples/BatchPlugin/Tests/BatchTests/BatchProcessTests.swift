import Batch
import Foundation
import PluginSDK
import PluginSDKTesting
import Testing

/// The built sidecar as Kubernetes runs it: killed and restarted with its state directory, and stopped by SIGTERM.
@Suite("BatchPlugin as a process")
struct BatchProcessTests {
    @Test("a sidecar killed mid-job and restarted on the same state directory polls the job; nothing is submitted twice")
    func restartMidJob() async throws {
        let service = try await FakeBatchService.start(runningPolls: 2)
        let state = NSTemporaryDirectory() + "batch-state-\(UUID().uuidString)"
        let arguments = ["--service-url", service.url, "--state-dir", state]
        let first = try await PluginProcess.start(arguments, token: "batch-token")
        #expect(try await first.execute(batchCall()).node?.phase == .running)
        await first.stop(signal: SIGKILL)
        let second = try await PluginProcess.start(arguments, token: "batch-token")
        #expect(try await second.execute(batchCall()).node?.message == "job-1: step 1")
        let done = try await second.execute(batchCall())
        #expect(done.node?.phase == .succeeded, "\(second.standardError)")
        #expect(service.submissions.count == 1)
        #expect(service.cancellations.isEmpty)
        await second.stop(signal: SIGTERM)
        await service.stop()
    }

    @Test("SIGTERM (Argo deleting the agent pod of a stopped workflow) cancels the running jobs, then the sidecar exits 0")
    func sigtermCancels() async throws {
        let service = try await FakeBatchService.start(runningPolls: 100)
        let plugin = try await PluginProcess.start(["--service-url", service.url], token: "batch-token")
        _ = try await plugin.execute(batchCall())
        _ = try await plugin.execute(batchCall(template: "second"))
        let status = await plugin.stop(signal: SIGTERM)
        #expect(status == 0, "\(plugin.standardError)")
        #expect(service.cancellations.sorted() == ["job-1", "job-2"], "\(plugin.standardError)")
        #expect(plugin.standardError.contains("job cancelled"))
        await service.stop()
    }
}
