import Batch
import PluginSDK
import PluginSDKTesting
import Testing

@Suite("Batch and Argo's contract")
struct BatchConformanceTests {
    @Test("the batch plugin follows Argo's plugin contract on both transports")
    func conformance() async throws {
        let service = try await FakeBatchService.start(runningPolls: 0)
        let report = try await PluginConformance.check(try batchPlugin(service), sample: batchCall())
        #expect(report.passed)
        await service.stop()
    }

    @Test("options come from flags or the environment; a missing service URL stops start-up with one line")
    func options() throws {
        let options = try BatchOptions.parse([], environment: ["BATCH_SERVICE_URL": "http://127.0.0.1:9", "BATCH_POLL_SECONDS": "3"])
        #expect(options.serviceURL == "http://127.0.0.1:9")
        #expect(try Batch(options: options).pollInterval == .seconds(3))
        let error = #expect(throws: (any Error).self) { try Batch(options: try BatchOptions.parse([], environment: [:])) }
        #expect("\(error.map { "\($0)" } ?? "")" == "--service-url (BATCH_SERVICE_URL) is required")
    }
}
