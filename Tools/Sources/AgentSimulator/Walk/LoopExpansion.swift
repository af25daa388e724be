import ArgoModels
import Foundation

/// `withItems`, `withParam` and `withSequence`, expanded as Argo's `expandStep`/`expandTask` and `processItem` do.
///
/// Each item becomes a node named `name(index:description)` and gives `{{item}}` (and `{{item.key}}` for objects)
/// a value: strings as they are, numbers and Booleans as JSON, objects and lists as compact JSON; an object's
/// description is its `key:value` pairs sorted, a list's is Go's `[a b c]`; parentheses are dropped from names.
enum LoopExpansion {
    struct Item: Sendable {
        /// The expanded step's or task's name, e.g. `notify(1:b)`.
        var name: String
        /// `item` and `item.key` values.
        var values: [String: String]
    }

    /// Whether `step` loops at all.
    static func loops(_ step: JSONValue) -> Bool {
        step["withItems"] != nil || step["withParam"] != nil || step["withSequence"] != nil
    }

    /// The items of `step` (its other placeholders already substituted).
    static func items(of step: JSONValue, name: String) throws(ExpressionError) -> [Item] {
        let elements: [JSONValue]
        if let items = step["withItems"]?.arrayValue {
            elements = items
        } else if let param = step["withParam"] {
            elements = try parseParam(Placeholders.text(param) ?? "")
        } else if let sequence = step["withSequence"] {
            elements = try LoopSequence.items(sequence).map(JSONValue.string)
        } else {
            elements = []
        }
        return elements.enumerated().map { index, element in item(element, index: index, name: name) }
    }

    static func parseParam(_ text: String) throws(ExpressionError) -> [JSONValue] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parsed = try? JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8))
        if let list = parsed?.arrayValue { return list }
        if parsed?.isNull == true { return [] }
        let reason = parsed == nil
            ? goSyntaxError(trimmed)
            : "json: cannot unmarshal \(parsed?.objectValue != nil ? "object" : "value") into Go value of type []v1alpha1.Item"
        throw ExpressionError(message: "withParam value could not be parsed as a JSON list: \(trimmed): \(reason)")
    }

    /// Go's `encoding/json` message for text that is not JSON, for the cases it words plainly; otherwise a
    /// generic one (the simulator does not reproduce every Go syntax error).
    static func goSyntaxError(_ text: String) -> String {
        guard let first = text.first else { return "unexpected end of JSON input" }
        if !"{[\"-0123456789tfn".contains(first) { return "invalid character '\(first)' looking for beginning of value" }
        return "not valid JSON"
    }

    static func item(_ element: JSONValue, index: Int, name: String) -> Item {
        var values: [String: String] = [:]
        let description: String
        switch element {
        case .object(let members):
            for (key, value) in members { values["item.\(key)"] = goString(value) }
            values["item"] = compactJSON(element)
            description = members.keys.sorted().map { "\($0):\(goString(members[$0]!))" }.joined(separator: ",")
        case .array(let elements):
            values["item"] = compactJSON(element)
            description = "[" + elements.map(goString).joined(separator: " ") + "]"
        case .null:
            values["item"] = "[]"
            description = "[]"
        case .string(let text):
            values["item"] = text
            description = goString(element)
        default:
            values["item"] = goString(element)
            description = goString(element)
        }
        let cleaned = description.replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "")
        return Item(name: "\(name)(\(index):\(cleaned))", values: values)
    }

    /// Argo's `Item.String()`: JSON, with the quotes of a string dropped.
    static func goString(_ value: JSONValue) -> String {
        let json = compactJSON(value)
        guard case .string = value, json.count >= 2 else { return Placeholders.text(value) ?? json }
        return String(json.dropFirst().dropLast())
    }
}
