import ArgoModels
import Foundation

extension Scope {
    /// What Argo's `buildLocalScope` adds for a finished step or task under `prefix` (`steps.a`, `tasks.b`):
    /// its status, output parameters, result and exit code. For a skipped or omitted node it adds, like
    /// `addSkippedNodeOutputsToScope`, each declared output's `valueFrom.default`, or marks the output absent.
    mutating func record(_ outcome: NodeOutcome, as prefix: String, declaredOutputs: JSONValue? = nil) {
        values["\(prefix).status"] = outcome.phase.rawValue
        if outcome.notSimulated { opaque.insert(prefix + ".") }
        if let outputs = outcome.outputs {
            for parameter in outputs.parameters ?? [] {
                if let value = parameter.value?.string { values["\(prefix).outputs.parameters.\(parameter.name)"] = value }
            }
            if let result = outputs.result { values["\(prefix).outputs.result"] = result }
            if let exitCode = outputs.exitCode { values["\(prefix).exitCode"] = exitCode }
        } else if outcome.phase == .skipped || outcome.phase == .omitted {
            for parameter in declaredOutputs?["parameters"]?.arrayValue ?? [] {
                guard let name = parameter["name"]?.stringValue else { continue }
                let key = "\(prefix).outputs.parameters.\(name)"
                if let fallback = parameter["valueFrom"]?["default"].flatMap(Placeholders.text) {
                    values[key] = fallback
                } else {
                    absent.insert(key)
                }
            }
        }
    }

    /// What Argo's `processAggregateNodeOutputs` adds for a `withItems`/`withParam` step or task: the JSON list of
    /// its succeeded children's output-parameter maps, one JSON list per parameter name, and the JSON list of their
    /// results. A result that is not JSON is left out here; Argo errors the template instead (not modelled).
    mutating func recordAggregate(_ children: [NodeOutcome], as prefix: String) {
        var parameterMaps: [JSONValue] = []
        var byName: [String: [String]] = [:]
        var results: [JSONValue] = []
        for child in children where child.phase == .succeeded {
            guard let outputs = child.outputs else { continue }
            if let parameters = outputs.parameters, !parameters.isEmpty {
                var map: [String: JSONValue] = [:]
                for parameter in parameters {
                    let value = parameter.value?.string ?? ""
                    map[parameter.name] = .string(value)
                    byName[parameter.name, default: []].append(value)
                }
                parameterMaps.append(.object(map))
            }
            if let result = outputs.result {
                if let item = try? JSONDecoder().decode(JSONValue.self, from: Data(result.utf8)) { results.append(item) }
            }
        }
        values["\(prefix).outputs.result"] = compactJSON(.array(results))
        values["\(prefix).outputs.parameters"] = compactJSON(.array(parameterMaps))
        for (name, list) in byName {
            let parsed = list.compactMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
            let structured = parsed.count == list.count && parsed.allSatisfy { $0.objectValue != nil || $0.arrayValue != nil }
            values["\(prefix).outputs.parameters.\(name)"] = compactJSON(.array(structured ? parsed : list.map(JSONValue.string)))
        }
    }
}
