import AgentSimulator
import ArgumentParser
import Foundation

/// `argo-plugin simulate WORKFLOW.yaml --plugin URL --token-file F`: Argo's agent on your machine.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a workflow's plugin templates against local plugins, exactly as Argo's agent calls them.",
        discussion: """
            Reads a Workflow, WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow, walks it from the \
            entrypoint through steps and dag tasks, substitutes arguments into {{inputs.parameters.x}} and \
            {{workflow.parameters.x}}, and POSTs each plugin template to /api/v1/template.execute on the plugins \
            in order, with Argo's body, headers, 30 s timeout, backoff on 503 and connection errors, 404 \
            remembered per plugin, and requeues until a terminal phase. Other templates are listed and assumed \
            to succeed.

            Exit status: 0 if the workflow would succeed, 1 if it would fail, 2 if the workflow file or the \
            options are unusable.
            """
    )

    @Argument(help: "The workflow YAML file.")
    var workflow: String

    @Option(name: .customLong("plugin"), help: "A plugin's base URL, e.g. http://127.0.0.1:4355. Repeat for several, in Argo's order.")
    var plugins: [String] = []

    @Option(name: .customLong("token-file"), help: "The token file the plugin reads; one for all plugins, or one per --plugin in the same order.")
    var tokenFiles: [String] = []

    @Option(name: [.customShort("p"), .customLong("parameter")], help: "Override a workflow parameter: -p name=value.")
    var parameters: [String] = []

    @Flag(help: "Shorten backoff and requeue waits a hundredfold (1 s becomes 10 ms); call timeouts stay.")
    var fast = false

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
        for plugin in plugins where !(plugin.hasPrefix("http://") || plugin.hasPrefix("https://")) {
            throw ValidationError("--plugin \(plugin): give a URL such as http://127.0.0.1:4355.")
        }
    }

    func run() async throws {
        let document: WorkflowDocument
        var endpoints: [PluginEndpoint] = []
        var overrides: [String: String] = [:]
        do {
            guard let text = try? String(contentsOfFile: workflow, encoding: .utf8) else {
                throw SimulationError("cannot read \(workflow)")
            }
            do {
                document = try WorkflowDocument(yaml: text)
            } catch let error as SimulationError {
                throw SimulationError("\(workflow): \(error.description)")
            }
            for (index, plugin) in plugins.enumerated() {
                let file = tokenFiles.count == 1 ? tokenFiles[0] : tokenFiles[index]
                endpoints.append(PluginEndpoint(address: plugin, token: try Self.readToken(file)))
            }
            for parameter in parameters {
                let parts = parameter.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { throw SimulationError("-p \(parameter): write name=value") }
                overrides[String(parts[0])] = String(parts[1])
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        var timing = AgentTiming()
        timing.callTimeout = .milliseconds(Int64(timeout * 1000))
        timing.maxRequeues = maxRequeues
        if fast { timing.waitScale = 0.01 }
        let simulator = Simulator(plugins: endpoints, timing: timing, parameters: overrides)
        let report = await simulator.run(document) { line in
            print(line)
            fflush(nil)
        }
        print("")
        print(report.table)
        if !report.succeeded { throw ExitCode.failure }
    }

    /// The token, without the trailing newline a file usually has (Argo's service-account tokens have none).
    static func readToken(_ path: String) throws -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw SimulationError("cannot read the token file \(path)")
        }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw SimulationError("the token file \(path) is empty") }
        return token
    }
}
