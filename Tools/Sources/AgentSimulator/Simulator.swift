import ArgoModels
import Foundation

/// Runs a workflow's plugin templates against real plugin servers the way Argo's agent would, without a cluster.
///
/// ```swift
/// let document = try WorkflowDocument(yaml: text)
/// let simulator = Simulator(plugins: [PluginEndpoint(address: "http://127.0.0.1:4355", token: token)])
/// let report = await simulator.run(document) { print($0) }
/// print(report.table)
/// ```
///
/// What is faithful to Argo (v3.3 to v4.1): the request body (`{"workflow":{"metadata":{name,namespace,uid}},
/// "template":{...}}`), the headers, the per-call timeout, the backoff on 503 and connection errors, 404s
/// remembered per plugin and method, the plugins asked in order until one returns a node, "no plugin executed
/// the template", and requeues until a terminal phase. What is not: the controller's scheduling (steps of a group
/// run one after the other rather than in parallel), `when` expressions, `withParam`, `templateRef`, and every
/// non-plugin template, which is listed and assumed to succeed.
public struct Simulator: Sendable {
    /// The plugins, in the order Argo's agent would ask them (the order of `--plugin`).
    public var plugins: [PluginEndpoint]
    /// Timeouts, backoff and the `--fast` scale.
    public var timing: AgentTiming
    /// Overrides of `spec.arguments.parameters`, like `argo submit -p name=value`.
    public var parameters: [String: String]
    /// The workflow UID sent to plugins; random unless set.
    public var uid: String

    /// A simulator for `plugins`.
    public init(
        plugins: [PluginEndpoint], timing: AgentTiming = AgentTiming(), parameters: [String: String] = [:],
        uid: String = UUID().uuidString.lowercased()
    ) {
        self.plugins = plugins
        self.timing = timing
        self.parameters = parameters
        self.uid = uid
    }

    /// Simulates `document`, reporting progress lines to `progress` as they happen.
    public func run(_ document: WorkflowDocument, progress: @escaping @Sendable (String) -> Void = { _ in })
        async -> SimulationReport
    {
        let identity: JSONValue = [
            "name": .string(document.name), "namespace": .string(document.namespace), "uid": .string(uid),
        ]
        progress(
            "simulating \(document.kind) as workflow \(document.name) (namespace \(document.namespace), uid \(uid)), "
                + "entrypoint \(document.entrypoint), \(plugins.count) plugin(s)")
        let rpc = AgentRPC(timing: timing, progress: progress)
        let executor = AgentExecutor(plugins: plugins, rpc: rpc, timing: timing)
        let walker = WorkflowWalker(
            document: document, executor: executor, identity: identity,
            parameters: document.parameters.merging(parameters) { $1 })
        _ = await walker.run()
        return SimulationReport(
            workflowName: document.name, nodes: await walker.nodes, unresolved: await walker.unresolved.sorted(),
            remarks: await walker.remarks)
    }
}
