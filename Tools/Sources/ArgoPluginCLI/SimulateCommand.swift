import AgentSimulator
import ArgumentParser
import Foundation

/// `argo-plugin simulate WORKFLOW.yaml --plugin URL --token-file F`: Argo's controller and agent on your machine.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a workflow against local plugins, as Argo's controller schedules it and its agent calls them.",
        discussion: """
            Reads a Workflow, WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow and rejects, before any \
            call, what Argo's validation rejects at submit (a reference to an output parameter a template does \
            not declare, an input no argument supplies, ...). Then it walks the workflow as Argo's controller does: the steps of a group and the DAG tasks \
            whose dependencies are met run at once; `when` is evaluated with govaluate's rules; withItems, \
            withParam and withSequence expand with {{item}} and {{item.key}}; DAG `depends` (.Succeeded, .Failed, \
            .Errored, .Skipped, .Omitted, .Daemoned, .AnySucceeded, .AllFailed with &&, ||, !), failFast, \
            continueOn, retryStrategy (limit, retryPolicy, backoff), step, task and workflow lifecycle hooks, the \
            exit handler with {{workflow.status}}, templateRef (--templates), and outputs (parameters, result).

            Each plugin template goes through Argo's agent: 16 workers (--workers), plugins asked in a random \
            order per run as Argo's Go maps give (printed; --seed replays it), POST /api/v1/template.execute with \
            Argo's body and headers, a 30 s timeout, backoff on 503 and connection errors, 404 remembered per \
            plugin, requeues until a terminal phase, results reported on the agent's 10 s tick (--patch-rate). \
            --fast divides every wait by 100. Another plugin that also claims a template is warned about.

            Not evaluated, and named in "not evaluated" lines when used: container, script, resource, HTTP, \
            suspend, containerSet and data templates (assumed to succeed, outputs unknown), artifacts, \
            parallelism, synchronization, memoize, timeouts and deadlines, daemons, templateDefaults, \
            placeholders the simulator does not know, expression functions.

            Exit status: 0 the workflow would succeed and everything was evaluated; 1 it would fail or never \
            finish; 2 the files or options are unusable or Argo would reject the workflow at submit; 3 it would \
            succeed as far as simulated but something was not evaluated (partial).
            """
    )

    @Argument(help: "The workflow YAML file.")
    var workflow: String

    @Option(name: .customLong("plugin"), help: "A plugin's base URL, e.g. http://127.0.0.1:4355. Repeat for several.")
    var plugins: [String] = []

    @Option(name: .customLong("token-file"), help: "The token file the plugin reads; one for all plugins, or one per --plugin in the same order.")
    var tokenFiles: [String] = []

    @Option(name: [.customShort("p"), .customLong("parameter")], help: "Override a workflow parameter: -p name=value.")
    var parameters: [String] = []

    @Option(name: .customLong("templates"), parsing: .upToNextOption,
        help: "Files with the WorkflowTemplates and ClusterWorkflowTemplates that templateRef and workflowTemplateRef name (give the workflow file before this option).")
    var templateFiles: [String] = []

    @Flag(help: "Divide every wait by 100: backoff, requeues, retryStrategy backoff, and the 10 s report tick (100 ms). Call timeouts stay.")
    var fast = false

    @Option(help: "The agent's task workers: plugin rounds at once (Argo's ARGO_AGENT_TASK_WORKERS).")
    var workers: Int = 16

    @Option(name: .customLong("patch-rate"), help: "Seconds between the agent's result reports (Argo's ARGO_AGENT_PATCH_RATE).")
    var patchRate: Double = 10

    @Option(help: "Replay the random plugin order of an earlier run (the seed it printed).")
    var seed: UInt64?

    @Flag(inversion: .prefixedNo, help: "Ask the other plugins, once per template, whether they would claim it too, and warn if so.")
    var claimCheck = true

    @Option(help: "Per-call HTTP timeout in seconds (Argo: 30).")
    var timeout: Double = 30

    @Option(help: "Give up on a node after this many requeues.")
    var maxRequeues: Int = 100

    func validate() throws {
        if plugins.isEmpty { throw ValidationError("Give at least one --plugin URL, e.g. --plugin http://127.0.0.1:4355.") }
        if tokenFiles.isEmpty { throw ValidationError("Give --token-file: the file holding the plugin's token.") }
        if tokenFiles.count != 1 && tokenFiles.count != plugins.count {
            throw ValidationError("Give one --token-file for all plugins, or one per --plugin (\(plugins.count)).")
        }
        if !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds.") }
        if workers < 1 { throw ValidationError("--workers must be at least 1.") }
        if !(patchRate >= 0) { throw ValidationError("--patch-rate must be zero or a positive number of seconds.") }
        for plugin in plugins where !(plugin.hasPrefix("http://") || plugin.hasPrefix("https://")) {
            throw ValidationError("--plugin \(plugin): give a URL such as http://127.0.0.1:4355.")
        }
    }

    func run() async throws {
        let inputs: SimulationInputs
        do {
            inputs = try SimulationInputs(command: self)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        var timing = AgentTiming()
        timing.callTimeout = .milliseconds(Int64(timeout * 1000))
        timing.maxRequeues = maxRequeues
        timing.workers = workers
        timing.patchRate = .milliseconds(Int64(patchRate * 1000))
        if fast { timing.waitScale = 0.01 }
        let simulator = Simulator(
            plugins: inputs.endpoints, timing: timing, parameters: inputs.overrides,
            pluginOrder: seed.map { .random(seed: $0) } ?? .randomSeed(), claimCheck: claimCheck,
            templates: inputs.templates, transientPattern: ProcessInfo.processInfo.environment["TRANSIENT_ERROR_PATTERN"])
        let report = await simulator.run(inputs.document) { line in
            print(line)
            fflush(nil)
        }
        print("")
        print(report.table)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
