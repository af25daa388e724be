import AgentSimulator
import Foundation
import PluginConform
import PluginSDKTesting

/// What `conform` reads before it calls anything: the token, the sample template, the URL. Any problem is exit 2.
enum ConformInputs {
    static func run(for command: ConformCommand) throws -> ConformRun {
        let token: String
        do {
            token = try SimulationInputs.readToken(command.tokenFile)
        } catch let error as SimulationError {
            throw ConformInputError(error.description)
        }
        let timeout = command.timeout.map { Duration.milliseconds(Int64($0 * 1000)) } ?? command.kind.argoTimeout
        let target = try ConformTarget(url: command.url, token: token, timeout: timeout)
        return ConformRun(target: target, kind: command.kind, sample: try sample(for: command))
    }

    static func sample(for command: ConformCommand) throws -> ConformSample {
        if let key = command.pluginKey {
            let config = try command.config.map { text -> JSONValue in
                guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
                    throw ConformInputError("--config \(text) is not JSON")
                }
                return value
            }
            return .plugin(key: key, config: config ?? [:])
        }
        guard let file = command.templateFile else {
            return ConformSample(template: ["name": "conform", "container": ["image": "busybox"]])
        }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw ConformInputError("cannot read the template file \(file)")
        }
        let documents: [JSONValue]
        do {
            documents = try YAMLJSON.documents(text)
        } catch {
            throw ConformInputError("\(file): \(error)")
        }
        guard let document = documents.first(where: { $0.objectValue != nil }) else {
            throw ConformInputError("\(file) holds no template or workflow")
        }
        do {
            return try ConformSample(document: document, templateName: command.templateName)
        } catch {
            throw ConformInputError("\(file): \(error.description)")
        }
    }
}
