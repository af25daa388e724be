import Foundation
import ArgoModels

/// Argo's `{{...}}` placeholders with the values known at one point of a workflow: `inputs.parameters.x`,
/// `workflow.parameters.x`, `workflow.name`, `item`, `steps.a.outputs.parameters.p`, ..., and expression tags
/// `{{=expr}}` evaluated with expr-lang over the same values.
///
/// Unknown placeholders (and expression tags that cannot be evaluated) are left as written and collected in
/// `unresolved`, so the simulator can say what it could not fill in instead of guessing.
struct Placeholders: Sendable {
    var values: [String: String]

    /// Replaces every known `{{ name }}` (spaces allowed inside the braces) in `text`.
    func apply(_ text: String, unresolved: inout Set<String>) -> String {
        guard text.contains("{{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: " ")
            if let value = values[name] {
                out += value
            } else if name.hasPrefix("="), let value = try? ExprCondition.value(
                String(name.dropFirst()), environment: ExprCondition.environment(values)), value != .null
            {
                out += value.placeholderText
            } else {
                out += rest[open.lowerBound..<close.upperBound]
                unresolved.insert(name)
            }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// Replaces placeholders in every string (not in keys) of `value`.
    func apply(_ value: JSONValue, unresolved: inout Set<String>) -> JSONValue {
        switch value {
        case .string(let text): return .string(apply(text, unresolved: &unresolved))
        case .array(let elements): return .array(elements.map { apply($0, unresolved: &unresolved) })
        case .object(let members): return .object(members.mapValues { apply($0, unresolved: &unresolved) })
        default: return value
        }
    }

    /// A scalar as Argo renders it into a parameter: strings as is, numbers and Booleans in JSON form.
    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return nil
        case .array, .object:
            return compactJSON(value)
        }
    }
}

/// `value` as compact JSON with sorted keys.
func compactJSON(_ value: JSONValue) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var slice = self
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return String(slice)
    }
}
