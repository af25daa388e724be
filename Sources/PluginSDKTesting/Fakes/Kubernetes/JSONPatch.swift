/// JSON merge patches (RFC 7386) and JSON patches (RFC 6902: add, replace, remove, test) for ``FakeKubernetes``.
enum JSONPatch {
    /// `patch` merged into `target`: objects merge member by member, `null` removes, anything else replaces.
    static func merge(_ patch: JSONValue, into target: JSONValue) -> JSONValue {
        guard case .object(let changes) = patch else { return patch }
        var members = target.objectValue ?? [:]
        for (key, value) in changes {
            if value.isNull {
                members[key] = nil
            } else {
                members[key] = merge(value, into: members[key] ?? .null)
            }
        }
        return .object(members)
    }

    /// `operations` applied in order, or `nil` when one does not apply.
    static func apply(_ operations: [JSONValue], to document: JSONValue) -> JSONValue? {
        var result = document
        for operation in operations {
            guard let op = operation["op"]?.stringValue, let path = operation["path"]?.stringValue else { return nil }
            let tokens = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
                .map { String($0).replacing("~1", with: "/").replacing("~0", with: "~") }
            switch op {
            case "add", "replace":
                guard let value = operation["value"], let next = set(value, at: tokens[...], in: result, insert: op == "add")
                else { return nil }
                result = next
            case "remove":
                guard let next = set(nil, at: tokens[...], in: result, insert: false) else { return nil }
                result = next
            case "test":
                guard get(tokens[...], in: result) == operation["value"] else { return nil }
            default:
                return nil
            }
        }
        return result
    }

    private static func get(_ tokens: ArraySlice<String>, in value: JSONValue) -> JSONValue? {
        guard let head = tokens.first else { return value }
        switch value {
        case .object(let members): return members[head].flatMap { get(tokens.dropFirst(), in: $0) }
        case .array(let items):
            guard let index = Int(head), items.indices.contains(index) else { return nil }
            return get(tokens.dropFirst(), in: items[index])
        default: return nil
        }
    }

    /// `value` written (or removed, when `nil`) at `tokens` inside `container`.
    private static func set(_ value: JSONValue?, at tokens: ArraySlice<String>, in container: JSONValue, insert: Bool)
        -> JSONValue?
    {
        guard let head = tokens.first else { return value }
        let last = tokens.count == 1
        switch container {
        case .object(var members):
            if last {
                if value == nil && members[head] == nil { return nil }
                members[head] = value
            } else {
                guard let child = members[head], let next = set(value, at: tokens.dropFirst(), in: child, insert: insert)
                else { return nil }
                members[head] = next
            }
            return .object(members)
        case .array(var items):
            if last && head == "-" && insert, let value {
                items.append(value)
                return .array(items)
            }
            guard let index = Int(head), index >= 0, index <= items.count else { return nil }
            if last {
                if let value {
                    if insert { items.insert(value, at: index) } else if index < items.count { items[index] = value } else { return nil }
                } else {
                    guard index < items.count else { return nil }
                    items.remove(at: index)
                }
            } else {
                guard index < items.count, let next = set(value, at: tokens.dropFirst(), in: items[index], insert: insert)
                else { return nil }
                items[index] = next
            }
            return .array(items)
        default:
            return nil
        }
    }
}
