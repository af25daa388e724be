import Foundation
import PluginJSON
import Testing

/// Plants mistakes in otherwise-correct contract entries and checks the contract test catches each one.
@Suite("The contract check catches mistakes")
struct ContractCheckerTests {
    let checker = ContractChecker(documents: SwaggerDocument.all)

    func entry(_ model: String) -> ModelContract {
        ContractTable.all.first { $0.model == model }!
    }

    /// `value` with member `key` of the object at `path` renamed to `newKey`.
    func renaming(_ key: String, to newKey: String, in value: JSONValue, at path: [String] = []) -> JSONValue {
        guard case .object(var members) = value else { return value }
        if let head = path.first {
            members[head] = renaming(key, to: newKey, in: members[head] ?? .null, at: Array(path.dropFirst()))
        } else {
            members[newKey] = members.removeValue(forKey: key)
        }
        return .object(members)
    }

    @Test("A misspelled coding key is reported as undeclared and as a dropped field")
    func misspelledKey() {
        let meta = entry("ObjectMeta")
        var known = meta.knownKeys
        known.remove("namespace")
        known.insert("namspace")
        let problems = checker.problems(
            meta.replacing(knownKeys: known, sample: renaming("namespace", to: "namspace", in: meta.sample))
        )
        #expect(problems.contains("ObjectMeta.namspace: not a property of ObjectMeta in any swagger"))
        #expect(problems.contains { $0.contains("\"namespace\"") && $0.contains("neither typed nor listed") })
    }

    @Test("A field dropped from a model is reported")
    func droppedField() {
        let template = entry("Template")
        var known = template.knownKeys
        known.remove("timeout")
        var sample = template.sample.objectValue!
        sample["timeout"] = nil
        let problems = checker.problems(template.replacing(knownKeys: known, sample: .object(sample)))
        #expect(problems.contains { $0.contains("\"timeout\"") && $0.contains("neither typed nor listed") })
    }

    @Test("A typed field the sample forgets to set is reported")
    func incompleteSample() {
        let template = entry("Template")
        var sample = template.sample.objectValue!
        sample["memoize"] = nil
        let problems = checker.problems(template.replacing(sample: .object(sample)))
        #expect(problems.contains("Template: the sample does not set typed key \"memoize\""))
    }

    @Test("A member encoded with the wrong JSON type is reported")
    func wrongType() {
        let meta = entry("ObjectMeta")
        var sample = meta.sample.objectValue!
        sample["generation"] = "7"
        let problems = checker.problems(meta.replacing(sample: .object(sample)))
        #expect(problems.contains { $0.hasPrefix("ObjectMeta.generation: string, declared [\"integer\"]") })
    }

    @Test("A misspelling deep inside a nested model is reported with its path")
    func nestedMisspelling() {
        let node = entry("NodeStatus")
        guard case .object(var members) = node.sample,
            case .object(var inputs)? = members["inputs"],
            case .array(var parameters)? = inputs["parameters"]
        else {
            Issue.record("unexpected sample shape")
            return
        }
        parameters[0] = renaming("value", to: "vaule", in: parameters[0])
        inputs["parameters"] = .array(parameters)
        members["inputs"] = .object(inputs)
        let problems = checker.problems(node.replacing(sample: .object(members)))
        #expect(problems.contains { $0.hasPrefix("NodeStatus.inputs.parameters[0].vaule:") })
    }

    @Test("A model that accepts a body missing a required field is reported")
    func requiredNotEnforced() {
        let problems = checker.problems(entry("ExecuteTemplateArgs").replacing(decodes: { _ in true }))
        #expect(problems.contains("ExecuteTemplateArgs: decodes without \"template\", which the swagger requires"))
        #expect(problems.contains("ExecuteTemplateArgs: decodes without \"workflow\", which the swagger requires"))
    }

    @Test("A model that rejects a body missing an optional field is reported")
    func optionalMadeRequired() {
        let strict: @Sendable (Data) -> Bool = { data in
            (try? JSONDecoder().decode(JSONValue.self, from: data))?["name"] != nil
        }
        let problems = checker.problems(entry("Template").replacing(decodes: strict))
        #expect(problems.contains("Template: fails without \"name\", which the swagger does not require"))
    }

    @Test("A stale kept-untyped entry is reported")
    func staleKeptUntyped() {
        let template = entry("Template")
        let problems = checker.problems(template.replacing(keptUntyped: template.keptUntyped.union(["name", "bogus"])))
        #expect(problems.contains("Template: \"name\" is listed as kept untyped but is typed"))
        #expect(problems.contains("Template: \"bogus\" is listed as kept untyped but no swagger declares it"))
    }
}
