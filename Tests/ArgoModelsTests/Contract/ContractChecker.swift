import Foundation
import PluginJSON

/// Checks a ``ModelContract`` against Argo's swagger documents and returns every problem, as sentences.
///
/// A model is shared by both contracts (one `Template` type serves the executor and the controller), so a key
/// passes when at least one document that defines the model's definition declares it; a type must agree in
/// every document that declares the key. The checks:
/// 1. The sample sets exactly the model's typed keys (so the walk below sees every one of them).
/// 2. Walking the encoded sample through the schema: no undeclared member at any depth (a misspelled key is
///    undeclared), and every JSON type agrees (string, number, boolean, array, object; AnyString must be a
///    string, IntOrString an integer or string, Duration a string ...).
/// 3. Coverage: every swagger property is typed by the model or listed in `keptUntyped`; a dropped field is
///    neither. `keptUntyped` must not list typed or non-existent properties.
/// 4. Required: removing any key the swagger requires makes decoding fail; removing any other key does not,
///    except the model's documented `extraRequired`.
struct ContractChecker {
    let documents: [SwaggerDocument]

    func problems(_ contract: ModelContract) -> [String] {
        let name = contract.model
        let defining = documents.filter { $0.definitions[contract.definition] != nil }
        guard !defining.isEmpty else { return ["\(name): no swagger document defines \(contract.definition)"] }
        var problems: [String] = []

        // 1. The sample is complete.
        let sampleKeys = Set((contract.sample.objectValue ?? [:]).keys)
        for key in contract.knownKeys.subtracting(sampleKeys).sorted() {
            problems.append("\(name): the sample does not set typed key \"\(key)\"")
        }
        for key in sampleKeys.subtracting(contract.knownKeys).sorted() {
            problems.append("\(name): the sample encodes \"\(key)\", which the model does not type")
        }

        // 2. Every encoded member is declared by its definition in at least one document, with an agreeing type.
        //    (Nested definitions differ between the two documents too: the executor's Parameter has
        //    `description`, the controller's does not; one Parameter model serves both.)
        var reported: Set<String> = []
        for document in defining {
            let walker = SchemaWalker(document: document)
            for finding in walker.check(contract.sample, definition: contract.definition, path: name) {
                if let owner = finding.owner,
                    documents.contains(where: { $0.properties(of: owner.definition)?.contains(owner.key) == true })
                {
                    continue
                }
                let suffix = finding.kind == .undeclaredMember ? "" : " (\(document.name) swagger)"
                if reported.insert(finding.path + finding.detail).inserted {
                    problems.append("\(finding)\(suffix)")
                }
            }
        }

        // 3. Every swagger property is typed or deliberately kept untyped.
        var allProperties: Set<String> = []
        for document in defining {
            let properties = document.properties(of: contract.definition) ?? []
            allProperties.formUnion(properties)
            for property in properties.subtracting(contract.knownKeys).subtracting(contract.keptUntyped).sorted() {
                problems.append(
                    "\(name): swagger property \"\(property)\" (\(document.name)) is neither typed nor listed as kept untyped"
                )
            }
        }
        for key in contract.keptUntyped.intersection(contract.knownKeys).sorted() {
            problems.append("\(name): \"\(key)\" is listed as kept untyped but is typed")
        }
        for key in contract.keptUntyped.subtracting(allProperties).sorted() {
            problems.append("\(name): \"\(key)\" is listed as kept untyped but no swagger declares it")
        }

        // 4. Required members are required; the others are not.
        var required: Set<String> = []
        for document in defining { required.formUnion(document.required(of: contract.definition)) }
        guard case .object(let members) = contract.sample else {
            return problems + ["\(name): the sample is not an object"]
        }
        if !contract.decodes(Self.data(.object(members))) {
            problems.append("\(name): the model does not decode its own sample")
        }
        for key in members.keys.sorted() {
            var without = members
            without[key] = nil
            let decodes = contract.decodes(Self.data(.object(without)))
            if required.contains(key) && decodes {
                problems.append("\(name): decodes without \"\(key)\", which the swagger requires")
            } else if !required.contains(key) && !decodes && contract.extraRequired[key] == nil {
                problems.append("\(name): fails without \"\(key)\", which the swagger does not require")
            } else if contract.extraRequired[key] != nil && decodes {
                problems.append("\(name): listed as requiring \"\(key)\" but decodes without it")
            }
        }
        for key in required.subtracting(members.keys).sorted() {
            problems.append("\(name): the swagger requires \"\(key)\", which the sample lacks")
        }
        return problems
    }

    private static func data(_ value: JSONValue) -> Data {
        try! JSONEncoder().encode(value)
    }
}
