import Testing
@testable import PluginSDK

@Suite("IdempotencyKey")
struct IdempotencyKeyTests {
    func args(
        uid: String? = "uid-1", template: String = "send", inputs: [(String, String)] = [("text", "hi"), ("channel", "#ci")],
        config: JSONValue = ["b": [true, nil], "a": 1], other: JSONValue? = nil
    ) -> ExecuteTemplateArgs {
        var plugin: [String: JSONValue] = ["slack": config]
        if let other { plugin["other"] = other }
        return ExecuteTemplateArgs(
            workflow: Workflow(metadata: ObjectMeta(name: "wf", namespace: "argo", uid: uid)),
            template: Template(
                name: template,
                inputs: Inputs(parameters: inputs.map { Parameter(name: $0.0, value: AnyString($0.1)) }),
                plugin: plugin))
    }

    @Test("is the SHA-256 of the documented canonical material (golden value)")
    func golden() {
        // sha256 of ["argo-plugin-idempotency/v1","uid-1","send",[["channel","#ci"],["text","hi"]],{"a":1,"b":[true,null]}]
        #expect(
            IdempotencyKey(args: args(), pluginKey: "slack").hex
                == "c6c34ad7f705fed81421db64b07bfd8db65682dd4e301a12f86349a2dabee210")
    }

    @Test("ignores the order of parameters and of configuration keys, and other plugins' configuration")
    func stable() {
        let base = IdempotencyKey(args: args(), pluginKey: "slack")
        #expect(IdempotencyKey(args: args(inputs: [("channel", "#ci"), ("text", "hi")]), pluginKey: "slack") == base)
        #expect(IdempotencyKey(args: args(config: ["a": 1.0, "b": [true, nil]]), pluginKey: "slack") == base)
        #expect(IdempotencyKey(args: args(other: ["x": 1]), pluginKey: "slack") == base)
        #expect(IdempotencyKey(args: args(other: ["x": 1])) != IdempotencyKey(args: args()))
    }

    @Test("changes with the workflow UID, template name, an input value or the configuration")
    func sensitive() {
        let base = IdempotencyKey(args: args(), pluginKey: "slack")
        let variants = [
            args(uid: "uid-2"), args(uid: nil), args(template: "send-2"), args(inputs: [("text", "hi!"), ("channel", "#ci")]),
            args(inputs: [("text", "hi")]), args(config: ["a": 2, "b": [true, nil]]),
        ]
        let keys = variants.map { IdempotencyKey(args: $0, pluginKey: "slack") }
        #expect(!keys.contains(base))
        #expect(Set(keys).count == keys.count)
    }

    @Test("the context's key equals the args' key; hex is 64 lower-case digits")
    func context() {
        let a = args()
        let context = PluginContext(
            method: .templateExecute, workflowName: "wf", workflow: a.workflow, template: a.template)
        let key = context.idempotencyKey(pluginKey: "slack")
        #expect(key == IdempotencyKey(args: a, pluginKey: "slack"))
        #expect(key.hex.count == 64 && key.hex.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(key.prefix(16) == String(key.hex.prefix(16)))
    }
}
