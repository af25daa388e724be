import Foundation
import PluginJSON
import Testing

@Suite("Models agree with Argo's swagger contracts")
struct SwaggerContractTests {
    let checker = ContractChecker(documents: SwaggerDocument.all)

    @Test(
        "Each model's keys, JSON types and required fields match its swagger definition", arguments: ContractTable.all)
    func modelMatchesDefinition(contract: ModelContract) {
        let problems = checker.problems(contract)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("Every RPC in both swagger files is modelled, request and reply")
    func everyRPCIsModelled() {
        var seen: Set<String> = []
        for document in SwaggerDocument.all {
            for (path, schemas) in document.rpcs {
                seen.insert(path)
                let modelled = ContractTable.rpcs[path]
                #expect(modelled != nil, "\(document.name): \(path) has no model")
                #expect(modelled?.request == schemas.request, "\(path) request is \(schemas.request)")
                #expect(modelled?.response == schemas.response, "\(path) reply is \(schemas.response)")
                #expect(ContractTable.all.contains { $0.definition == schemas.request })
                #expect(ContractTable.all.contains { $0.definition == schemas.response })
            }
        }
        #expect(seen == Set(ContractTable.rpcs.keys))
    }

    @Test("Each definition the RPCs reach through a typed member has a contract entry")
    func nestedModelsAreListed() {
        // Following every $ref from the modelled definitions through the typed keys must only reach definitions
        // that are themselves in the table or are scalars/free-form (so nested models are checked too).
        let listed = Set(ContractTable.all.map(\.definition))
        let scalarOrOpaque: Set<String> = [
            "AnyString", "IntOrString", "Duration", "Time", "Progress", "NodePhase", "NodeType", "UID",
            "EstimatedDuration", "ResourcesDuration", "Plugin", "Object", "Artifacts", "FieldsV1",
            "ManagedFieldsOperationType", "RetryPolicy", "SuppliedValueFrom", "ConfigMapKeySelector",
            "RetryAffinity", "Cache",
        ]
        for contract in ContractTable.all {
            for document in SwaggerDocument.all {
                guard let properties = document.definitions[contract.definition]?["properties"]?.objectValue else {
                    continue
                }
                for key in contract.knownKeys {
                    guard let schema = properties[key] else { continue }
                    let reference = schema["$ref"]?.stringValue ?? schema["items"]?["$ref"]?.stringValue
                    guard let name = reference.map(SwaggerDocument.lastComponent) else { continue }
                    #expect(
                        listed.contains(name) || scalarOrOpaque.contains(name),
                        "\(contract.model).\(key) reaches \(name), which has no contract entry"
                    )
                }
            }
        }
    }
}
