import ArgumentParser
import Foundation
import PluginConform

/// `argo-plugin conform URL --token-file F`: any plugin server, in any language, against Argo's wire contract.
struct ConformCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conform",
        abstract: "Check a running plugin server, written in any language, against Argo's plugin contract.",
        discussion: """
            Calls the plugin at URL as Argo's Go client does (POST <URL>/api/v1/<method>, JSON, \
            Authorization: Bearer <token>) and prints one line per check, PASS or FAIL; under each failure, why \
            it matters to Argo, what was sent and what came back. Exit status: 0 every check passed, 1 a check \
            failed, 2 the options or files are unusable. --json prints the same report as one JSON object.

            Executor plugins (--kind executor, the default) need a template they handle: --template FILE (a \
            template with a plugin: member, or a Workflow, WorkflowTemplate, ClusterWorkflowTemplate or \
            CronWorkflow whose first plugin template is used, or the one --template-name names), or \
            --plugin-key KEY with --config JSON (the template {"plugin": {KEY: CONFIG}}). Its checks: the sample \
            is answered 200 within 30 s; the reply has the types of Argo's swagger; it carries a node whose phase \
            is one of Argo's (an empty or unknown phase leaves the node stuck); Failed and Error carry a message; \
            no requeue on Succeeded, Failed or Error and a positive one on Pending or Running; another plugin's \
            template gets 200 {} (a 404 is remembered by Argo's client, which then never calls template.execute \
            on the plugin again in that workflow); no token, a wrong token, and a wrong token for another plugin's \
            template are refused with 403; a wrong token with 1 GiB announced is refused before any body byte; an \
            unknown method answers 404; malformed JSON and JSON of the wrong types are answered 4xx and the server \
            still answers afterwards; three calls on one kept-alive connection; 16 concurrent calls (the agent's \
            16 workers); a body dribbled in 8 pieces.

            Controller plugins (--kind controller): each of workflow.preOperate, workflow.postOperate, \
            node.preExecute, node.postExecute and parameters.add answers 200 with a reply of its type within \
            Argo's 1 s, or 404; at least one is served; then the token, bad-input, keep-alive, concurrency and \
            slow-client checks on the first one served (the controller sends no token, so a missing one is not \
            checked). --template sets the template the hooks receive.

            conform sends each call once and acts on nothing it receives: run it against a local server or a \
            test deployment, not a plugin with side effects in production.
            """
    )

    @Argument(help: "The plugin's base URL, e.g. http://127.0.0.1:4355.")
    var url: String

    @Option(name: .customLong("token-file"), help: "The file holding the token the plugin expects.")
    var tokenFile: String

    @Option(help: "executor (template.execute, the default) or controller (workflow, node and parameter hooks).")
    var kind: PluginKind = .executor

    @Option(
        name: .customLong("template"),
        help: "A YAML or JSON file: a template the plugin handles, or a workflow whose plugin template is used.")
    var templateFile: String?

    @Option(name: .customLong("template-name"), help: "The workflow template to use from --template.")
    var templateName: String?

    @Option(name: .customLong("plugin-key"), help: "Instead of --template: the plugin's key in plugin: {KEY: ...}.")
    var pluginKey: String?

    @Option(help: "With --plugin-key: the plugin's configuration as JSON (default {}).")
    var config: String?

    @Option(help: "Seconds a call may take (default Argo's: 30 for executor plugins, 1 for controller plugins).")
    var timeout: Double?

    @Flag(help: "Print the report as JSON, for CI.")
    var json = false

    func validate() throws {
        if templateFile != nil && pluginKey != nil {
            throw ValidationError("Give --template or --plugin-key, not both.")
        }
        if kind == .executor && templateFile == nil && pluginKey == nil {
            throw ValidationError(
                "An executor plugin answers {} to templates that are not its own: give a template it handles with "
                    + "--template FILE or --plugin-key KEY [--config JSON].")
        }
        if config != nil && pluginKey == nil { throw ValidationError("--config needs --plugin-key.") }
        if templateName != nil && templateFile == nil { throw ValidationError("--template-name needs --template.") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds.") }
    }

    func run() async throws {
        let run: ConformRun
        do {
            run = try ConformInputs.run(for: self)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let report = await run.run()
        print(json ? report.json : report.text)
        if !report.passed { throw ExitCode(1) }
    }
}

extension PluginKind: ExpressibleByArgument {}
