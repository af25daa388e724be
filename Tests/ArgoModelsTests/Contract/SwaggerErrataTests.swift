import PluginJSON
import Testing

@Suite("Swagger errata")
struct SwaggerErrataTests {
    static let raw = [
        try! SwaggerDocument.load("executor", applyingErrata: false),
        try! SwaggerDocument.load("controller", applyingErrata: false),
    ]

    @Test("Each erratum still corrects something the vendored swagger gets wrong")
    func errataAreNotStale() {
        for erratum in SwaggerErrata.all {
            let documents = Self.raw.filter { erratum.document == nil || $0.name == erratum.document }
            #expect(!documents.isEmpty, "\(erratum.target): no such document")
            for document in documents {
                switch erratum.fix {
                case .definition(let schema):
                    #expect(document.definitions[erratum.target] != schema, "\(erratum.target) is already right")
                case .property(let schema):
                    let parts = erratum.target.split(separator: ".").map(String.init)
                    #expect(document.definitions[parts[0]] != nil, "\(parts[0]) is missing")
                    #expect(document.definitions[parts[0]]?["properties"]?[parts[1]] != schema)
                case .rpc(let request, let response):
                    let documented = document.rpcs[erratum.target]
                    #expect(documented != nil, "\(erratum.target) is not an RPC of \(document.name)")
                    #expect(documented.map { $0.request != request || $0.response != response } == true)
                }
            }
            #expect(!erratum.reason.isEmpty)
        }
    }

    @Test("Without the errata the real wire shapes are rejected, so the errata are corrections, not skips")
    func errataMatter() {
        let checker = ContractChecker(documents: Self.raw)
        let reply = ContractTable.all.first { $0.model == "ExecuteTemplateReply" }!
        #expect(checker.problems(reply).contains { $0.contains("ExecuteTemplateReply.requeue: string") })
        let template = ContractTable.all.first { $0.model == "Template" }!
        #expect(checker.problems(template).contains { $0.contains("Template.activeDeadlineSeconds: integer") })
        let postOperate = ContractTable.all.first { $0.model == "WorkflowPostOperateArgs" }!
        #expect(checker.problems(postOperate).contains { $0.contains("no swagger document defines") })
    }
}
