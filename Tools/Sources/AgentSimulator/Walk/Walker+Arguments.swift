import ArgoModels

/// The `arguments.parameters` of a step, task or hook, resolved in its caller's scope.
struct ResolvedArguments: Sendable {
    /// Parameter name to value; an argument that is only a reference to an absent output (a skipped node's) is
    /// left out, so the callee's input default applies, as Argo's `markAbsentOptionalArgs` does.
    var values: [String: String] = [:]
    var unresolved = Scope.Unresolved()
}

extension Walker {
    func arguments(of holder: JSONValue, scope: Scope) -> ResolvedArguments {
        var resolved = ResolvedArguments()
        for parameter in holder["arguments"]?["parameters"]?.arrayValue ?? [] {
            guard let name = parameter["name"]?.stringValue, let raw = parameter["value"].flatMap(Placeholders.text)
            else { continue }
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("{{"), trimmed.hasSuffix("}}"),
                scope.absent.contains(String(trimmed.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces))
            {
                continue
            }
            let (value, unresolved) = scope.substitute(raw)
            resolved.values[name] = value
            resolved.unresolved.merge(unresolved)
        }
        return resolved
    }
}

extension Scope.Unresolved {
    mutating func merge(_ other: Scope.Unresolved) {
        items += other.items
        opaque += other.opaque
        absent += other.absent
        missing += other.missing
        self.other += other.other
    }

    /// Nothing left unresolved that matters (items aside).
    var isEmpty: Bool { opaque.isEmpty && absent.isEmpty && missing.isEmpty && other.isEmpty }
}
