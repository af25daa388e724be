import AgentSimulator
import Foundation

/// What `simulate` reads before anything runs: the workflow, the tokens, the templates, the overrides. Any
/// problem here is exit status 2.
struct SimulationInputs {
    var document: WorkflowDocument
    var endpoints: [PluginEndpoint] = []
    var overrides: [String: String] = [:]
    var templates = TemplateLibrary()

    init(command: SimulateCommand) throws {
        guard let text = try? String(contentsOfFile: command.workflow, encoding: .utf8) else {
            throw SimulationError("cannot read \(command.workflow)")
        }
        do {
            document = try WorkflowDocument(yaml: text)
        } catch let error as SimulationError {
            throw SimulationError("\(command.workflow): \(error.description)")
        }
        for (index, plugin) in command.plugins.enumerated() {
            let file = command.tokenFiles.count == 1 ? command.tokenFiles[0] : command.tokenFiles[index]
            endpoints.append(PluginEndpoint(address: plugin, token: try Self.readToken(file)))
        }
        for parameter in command.parameters {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { throw SimulationError("-p \(parameter): write name=value") }
            overrides[String(parts[0])] = String(parts[1])
        }
        var texts: [String] = []
        for file in command.templateFiles {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw SimulationError("cannot read the templates file \(file)")
            }
            texts.append(text)
        }
        do {
            templates = try TemplateLibrary(yaml: texts)
        } catch let error as SimulationError {
            throw SimulationError("--templates: \(error.description)")
        }
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
