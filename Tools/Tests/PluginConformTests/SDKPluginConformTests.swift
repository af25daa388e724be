import PluginConform
import Testing
import ToolTestSupport

/// Plugins on the SDK pass every check: HelloPlugin's and HelloControllerPlugin's logic, served in process.
@Suite("conform passes the SDK's examples")
struct SDKPluginConformTests {
    @Test("HelloPlugin passes every executor check")
    func hello() async throws {
        try await HelloServer.with(HelloTemplate()) { url, token, _ in
            let report = try await conform(url, token: token, sample: .plugin(key: "hello"))
            #expect(report.passed, "\(report.text)")
            #expect(report.checks.map(\.id) == CheckIDs.executor)
            #expect(report.notes.isEmpty, "\(report.notes)")
        }
    }

    @Test("HelloControllerPlugin passes every controller check; the hooks it does not serve answer 404")
    func helloController() async throws {
        try await HelloServer.with(HelloControllerHooks()) { url, token, _ in
            let report = try await conform(
                url, token: token, kind: .controller, sample: .plugin(key: "hello"))
            #expect(report.passed, "\(report.text)")
            #expect(report.checks.map(\.id) == CheckIDs.controller)
            let served = report.checks.first { $0.id == "hooks-served" }?.received
            #expect(served == "served: workflow.preOperate, node.preExecute, parameters.add")
        }
    }

    @Test("the contract server that breaks nothing passes too, as an executor and as a controller plugin")
    func contractServer() async throws {
        let executor = try ContractServer()
        defer { executor.stop() }
        let executorReport = try await conform(executor.url, token: executor.token)
        #expect(executorReport.passed, "\(executorReport.text)")
        #expect(executorReport.checks.map(\.id) == CheckIDs.executor)
        let controller = try ContractServer(controller: true)
        defer { controller.stop() }
        let controllerReport = try await conform(controller.url, token: controller.token, kind: .controller)
        #expect(controllerReport.passed, "\(controllerReport.text)")
        #expect(controllerReport.checks.map(\.id) == CheckIDs.controller)
    }
}
