import ArgoModels

/// A step or task after Argo's reference resolution and loop expansion, ready to run or to be recorded.
struct PreparedStep: Sendable {
    enum Fate: Sendable {
        case run
        /// Skipped, with Argo's message (`when '...' evaluated false`).
        case skip(String)
        /// Errored before running (a `when` Argo cannot evaluate).
        case error(String)
    }

    /// The (expanded) name: `a` or `a(0:x)`.
    var name: String
    /// The step or task with every placeholder it can have resolved, `hooks` included.
    var holder: JSONValue
    var arguments: [String: String]
    var fate: Fate
}

extension Walker {
    enum Preparation {
        /// The expansions (one for a step that does not loop); `loops` tells a loop from a plain step.
        case ready([PreparedStep], loops: Bool)
        /// Argo errors the step (or its group) with this message; `references` when resolving references failed
        /// (a step group then says "failed to resolve references: ..."), not expanding the loop.
        case error(String, references: Bool)
        /// A reference that never resolves: Argo requeues for ever.
        case stuck(String)
        /// The simulator cannot know (a loop over an output of a node it did not run).
        case notEvaluated(String)
    }

    /// Argo's `resolveReferences`/`resolveDependencyReferences` then `expandStep`/`expandTask`: `when` is resolved
    /// first, then the rest (not `hooks`), then each item's `{{item}}` and each item's `when`.
    func prepare(_ step: JSONValue, scope: Scope, name: String, node: String) async -> Preparation {
        let loops = LoopExpansion.loops(step)
        if !loops, let when = step["when"]?.stringValue {
            let (resolved, unresolved) = scope.substitute(when)
            if unresolved.missing.isEmpty, unresolved.absent.isEmpty, !resolved.contains("{{"),
                (try? WhenCondition.evaluate(resolved)) == false
            {
                return .ready([prepared(name, step, fate: .skip("when '\(resolved)' evaluated false"))], loops: false)
            }
        }
        var object = step.objectValue ?? [:]
        let hooks = object.removeValue(forKey: "hooks")
        object["arguments"] = withoutAbsentArguments(object["arguments"], scope: scope)
        let (substituted, unresolved) = scope.substitute(JSONValue.object(object))
        if let missing = unresolved.missing.first {
            return .stuck("{{\(missing)}} never resolves: no step or task in scope produced it; Argo would requeue for ever")
        }
        if let absent = unresolved.absent.first { return .error("failed to resolve {{\(absent)}}", references: true) }
        await ledger.unresolved(unresolved.other + unresolved.opaque)
        var holder = substituted.objectValue ?? [:]
        if let hooks { holder["hooks"] = hooks }
        guard loops else {
            let fate = await whenFate(substituted["when"]?.stringValue, opaque: unresolved, node: node)
            if case .error(let message) = fate { return .error(message, references: true) }
            return .ready([prepared(name, .object(holder), fate: fate)], loops: false)
        }
        let source = step["withParam"].flatMap(Placeholders.text) ?? ""
        if !unresolved.opaque.isEmpty, source.contains("{{") {
            return .notEvaluated("withParam \(source) comes from a node the simulator did not run")
        }
        let items: [LoopExpansion.Item]
        do throws(ExpressionError) {
            items = try LoopExpansion.items(of: .object(holder), name: name)
        } catch {
            return error.unsupported ? .notEvaluated(error.message) : .error(error.message, references: false)
        }
        var expanded: [PreparedStep] = []
        for item in items {
            var itemScope = Scope(scope.values.merging(item.values) { $1 })
            itemScope.opaque = scope.opaque
            var itemHolder = itemScope.substitute(JSONValue.object(holder)).0.objectValue ?? [:]
            for key in ["withItems", "withParam", "withSequence"] { itemHolder.removeValue(forKey: key) }
            let fate = await whenFate(itemHolder["when"]?.stringValue, opaque: unresolved, node: node)
            expanded.append(prepared(item.name, .object(itemHolder), fate: fate))
        }
        return .ready(expanded, loops: true)
    }

    private func prepared(_ name: String, _ holder: JSONValue, fate: PreparedStep.Fate) -> PreparedStep {
        var arguments: [String: String] = [:]
        for parameter in holder["arguments"]?["parameters"]?.arrayValue ?? [] {
            if let key = parameter["name"]?.stringValue, let value = parameter["value"].flatMap(Placeholders.text) {
                arguments[key] = value
            }
        }
        return PreparedStep(name: name, holder: holder, arguments: arguments, fate: fate)
    }

    /// Evaluates a substituted `when`. One that still holds placeholders the simulator cannot know is not
    /// evaluated: it is assumed true and named.
    func whenFate(_ when: String?, opaque: Scope.Unresolved, node: String) async -> PreparedStep.Fate {
        guard let when, !when.isEmpty else { return .run }
        if when.contains("{{") {
            await ledger.note("\(node): when '\(when)' is not evaluated (it holds values the simulator does not know); assumed true")
            return .run
        }
        do throws(ExpressionError) {
            return try WhenCondition.evaluate(when) ? .run : .skip("when '\(when)' evaluated false")
        } catch {
            if error.unsupported {
                await ledger.note("\(node): when '\(when)' is not evaluated (\(error.message)); assumed true")
                return .run
            }
            return .error(error.message)
        }
    }

    /// Drops arguments that are only a reference to an absent output, so the callee's input default applies.
    private func withoutAbsentArguments(_ arguments: JSONValue?, scope: Scope) -> JSONValue? {
        guard var object = arguments?.objectValue, let parameters = object["parameters"]?.arrayValue else { return arguments }
        object["parameters"] = .array(parameters.filter { parameter in
            let raw = parameter["value"].flatMap(Placeholders.text)?.trimmingCharacters(in: .whitespaces) ?? ""
            guard raw.hasPrefix("{{"), raw.hasSuffix("}}") else { return true }
            return !scope.absent.contains(String(raw.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces))
        })
        return .object(object)
    }
}
