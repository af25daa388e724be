import ArgoModels
import Yams

/// Turns YAML into the JSON that Kubernetes would store: scalars typed by YAML 1.1's core resolver (as Go's
/// `sigs.k8s.io/yaml` does for Argo), timestamps kept as strings, anchors and aliases resolved.
package enum YAMLJSON {
    /// Every document in `text`, converted.
    package static func documents(_ text: String) throws -> [JSONValue] {
        var documents: [JSONValue] = []
        do {
            var sequence = try Yams.compose_all(yaml: text)
            while let node = sequence.next() {
                documents.append(try convert(node))
            }
            if let error = sequence.error { throw error }
        } catch let error as YamlError {
            throw SimulationError("not valid YAML: \(error)")
        }
        return documents
    }

    static func convert(_ node: Node) throws -> JSONValue {
        switch node {
        case .scalar(let scalar):
            switch node.tag.rawValue {
            case Tag.Name.null.rawValue: return .null
            case Tag.Name.bool.rawValue: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case Tag.Name.int.rawValue: return node.int.map { .integer(Int64($0)) } ?? .string(scalar.string)
            case Tag.Name.float.rawValue: return node.float.map(JSONValue.number) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            return .array(try sequence.map(convert))
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard let name = key.string else {
                    throw SimulationError("a mapping key at \(key.mark.map { "line \($0.line)" } ?? "?") is not a string")
                }
                members[name] = try convert(value)
            }
            return .object(members)
        case .alias:
            throw SimulationError("an unresolved YAML alias")
        }
    }
}
