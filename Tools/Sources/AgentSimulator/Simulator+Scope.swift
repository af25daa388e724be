import ArgoModels
import Foundation

extension Simulator {
    /// The `workflow.*` variables Argo sets for every template (`setGlobalParameters`), with `-p` overrides.
    func globalScope(_ document: WorkflowDocument) -> [String: String] {
        let parameters = document.parameters.merging(self.parameters) { $1 }
        var global = [
            "workflow.name": document.name, "workflow.namespace": document.namespace, "workflow.uid": uid,
            "workflow.mainEntrypoint": document.entrypoint, "workflow.status": "Running",
            "workflow.creationTimestamp": ISO8601DateFormatter().string(from: Date()),
        ]
        if let account = document.spec["serviceAccountName"]?.stringValue { global["workflow.serviceAccountName"] = account }
        for (name, value) in parameters { global["workflow.parameters.\(name)"] = value }
        let list: [JSONValue] = parameters.keys.sorted().map { ["name": .string($0), "value": .string(parameters[$0]!)] }
        global["workflow.parameters"] = compactJSON(.array(list))
        global["workflow.parameters.json"] = global["workflow.parameters"]
        for (name, value) in document.labels { global["workflow.labels.\(name)"] = value }
        for (name, value) in document.annotations { global["workflow.annotations.\(name)"] = value }
        return global
    }
}
