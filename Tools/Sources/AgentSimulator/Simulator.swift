import ArgoModels
import Foundation

/// Runs a workflow against real plugin servers the way Argo's controller and agent would, without a cluster.
///
/// ```swift
/// let document = try WorkflowDocument(yaml: text)
/// let simulator = Simulator(plugins: [PluginEndpoint(address: "http://127.0.0.1:4355", token: token)])
/// let report = await simulator.run(document) { print($0) }
/// print(report.table)
/// ```
///
/// Faithful to Argo (v3.3 to v4.1): the agent's request body, headers, timeout, backoff, 404 memory, plugin order
/// (random per agent pod) and requeues, its 16 workers and 10 s report tick; the controller's steps groups and DAG
/// tasks running concurrently, `when`, loops, `depends`, `failFast`, `continueOn`, `retryStrategy`, lifecycle
/// hooks and the exit handler, `templateRef`, `outputs.result`, and submit-time validation of references. Not
/// run: container, script, resource, HTTP, suspend, containerSet and data templates (assumed to succeed), and
/// the fields named in the report's "not evaluated" lines.
public struct Simulator: Sendable {
    /// The plugins, in the order given (`--plugin`); ``pluginOrder`` decides the order the agent asks them in.
    public var plugins: [PluginEndpoint]
    /// Timeouts, backoff, workers, report tick and the `--fast` scale.
    public var timing: AgentTiming
    /// Overrides of `spec.arguments.parameters`, like `argo submit -p name=value`.
    public var parameters: [String: String]
    /// The workflow UID sent to plugins; random unless set.
    public var uid: String
    /// Random per run (Argo's behaviour) unless given; ignored when the workflow declares `spec.executorPlugins`.
    public var pluginOrder: PluginOrder
    /// Probe other plugins for templates they also claim (see ``ClaimCheck``).
    public var claimCheck: Bool
    /// WorkflowTemplates and ClusterWorkflowTemplates for `templateRef` and `workflowTemplateRef`.
    public var templates: TemplateLibrary
    /// `TRANSIENT_ERROR_PATTERN`, for `retryPolicy: OnTransientError`.
    public var transientPattern: String?

    /// A simulator for `plugins`.
    public init(
        plugins: [PluginEndpoint], timing: AgentTiming = AgentTiming(), parameters: [String: String] = [:],
        uid: String = UUID().uuidString.lowercased(), pluginOrder: PluginOrder = .randomSeed(), claimCheck: Bool = true,
        templates: TemplateLibrary = TemplateLibrary(), transientPattern: String? = nil
    ) {
        self.plugins = plugins
        self.timing = timing
        self.parameters = parameters
        self.uid = uid
        self.pluginOrder = pluginOrder
        self.claimCheck = claimCheck
        self.templates = templates
        self.transientPattern = transientPattern
    }

    /// Simulates `document`, reporting progress lines to `progress` as they happen.
    public func run(_ document: WorkflowDocument, progress: @escaping @Sendable (String) -> Void = { _ in })
        async -> SimulationReport
    {
        let submitted = document
        let document: WorkflowDocument
        do {
            document = try documentWithReferences(submitted)
        } catch {
            return SimulationReport(
                workflowName: submitted.name, verdict: .rejected("\(error)"), nodes: [], unresolved: [], notEvaluated: [])
        }
        progress(
            "simulating \(document.kind) as workflow \(document.name) (namespace \(document.namespace), uid \(uid)), "
                + "entrypoint \(document.entrypoint), \(plugins.count) plugin(s), \(timing.workers) agent worker(s)")
        let ordered = arrangedPlugins(for: document, progress: progress)
        let rpc = AgentRPC(timing: timing, progress: progress)
        let agent = Agent(plugins: ordered, rpc: rpc, timing: timing, claimCheck: claimCheck)
        let ledger = RunLedger()
        let walker = Walker(
            document: document, library: templates, agent: agent, ledger: ledger,
            identity: ["name": .string(document.name), "namespace": .string(document.namespace), "uid": .string(uid)],
            global: globalScope(document), timing: timing, transientPattern: transientPattern, progress: progress)
        let verdict = await WorkflowRun(walker: walker).run()
        await agent.claims?.finish()
        return SimulationReport(
            workflowName: document.name, verdict: verdict, nodes: await ledger.ordered,
            unresolved: await ledger.unresolved, notEvaluated: await ledger.notEvaluated,
            warnings: await agent.claims?.warnings ?? [], peakConcurrency: await agent.workers.peak)
    }

    /// The workflow with `workflowTemplateRef` applied and Argo's reference validation passed.
    func documentWithReferences(_ document: WorkflowDocument) throws -> WorkflowDocument {
        let resolved = try document.resolvingWorkflowTemplateRef(in: templates)
        var validator = ReferenceValidator(document: resolved, library: templates)
        do throws(ReferenceValidator.Rejection) {
            try validator.validate()
        } catch {
            throw SimulationError("Argo's validation would reject it at submit: \(error.message)")
        }
        return resolved
    }

    /// The plugins in the agent pod's order, printed so a run can be replayed.
    func arrangedPlugins(for document: WorkflowDocument, progress: @Sendable (String) -> Void) -> [PluginEndpoint] {
        let declared = document.spec["executorPlugins"] != nil
        let order = declared ? .given : pluginOrder
        let arranged = order.arrange(plugins)
        let names = arranged.map(\.address).joined(separator: ", ")
        switch order {
        case .random(let seed): progress("plugin order (seed \(seed)): \(names)")
        case .given: progress("plugin order (\(declared ? "declared by spec.executorPlugins" : "as given")): \(names)")
        }
        return arranged
    }
}
