import ArgoModels

extension ReferenceValidator {
    /// The tags in `value` that Argo checks (`steps.`, `tasks.`, `inputs.parameters.`, `workflow.parameters.`,
    /// `item`) and that `scope` does not hold, in the order they appear.
    func unresolved(in value: JSONValue, scope: Set<String>, loop: Bool, wildcards: Set<String> = []) -> [String] {
        var tags: [String] = []
        Self.collectTags(in: value, into: &tags)
        return tags.filter { tag in
            if tag.hasPrefix("=") { return false }
            if tag == "item" || tag.hasPrefix("item.") { return !loop }
            if wildcards.contains(where: { tag.hasPrefix($0) }) { return false }
            if tag.hasPrefix("workflow.parameters.") {
                return document.kind == "Workflow" && document.parameters[String(tag.dropFirst(20))] == nil
                    && !Self.declaresParameter(document.spec, String(tag.dropFirst(20)))
            }
            guard tag.hasPrefix("steps.") || tag.hasPrefix("tasks.") || tag.hasPrefix("inputs.parameters") else {
                return false
            }
            if tag == "steps.name" || tag == "tasks.name" { return false }
            return !scope.contains(tag)
        }
    }

    static func declaresParameter(_ spec: JSONValue, _ name: String) -> Bool {
        (spec["arguments"]?["parameters"]?.arrayValue ?? []).contains { $0["name"]?.stringValue == name }
    }

    /// Every `{{ tag }}` in the strings of `value` (keys excluded), trimmed.
    static func collectTags(in value: JSONValue, into tags: inout [String]) {
        switch value {
        case .string(let text):
            var rest = Substring(text)
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                let tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: " ")
                if !tags.contains(tag) { tags.append(tag) }
                rest = rest[close.upperBound...]
            }
        case .array(let elements): for element in elements { collectTags(in: element, into: &tags) }
        case .object(let members):
            for key in members.keys.sorted() { collectTags(in: members[key]!, into: &tags) }
        default: break
        }
    }
}
