import HelloController
import PluginSDKTesting
import Testing

@Suite("HelloControllerPlugin")
struct HelloControllerTests {
    let workflow = Workflow(metadata: ObjectMeta(name: "hello-x", namespace: "argo"))

    func context(_ method: PluginMethod) -> PluginContext {
        PluginContext(method: method, workflowName: "hello-x")
    }

    @Test("serves parameters.add, workflow.preOperate and node.preExecute only")
    func methods() {
        #expect(HelloController().servedMethods == [.parametersAdd, .workflowPreOperate, .nodePreExecute])
    }

    @Test("parameters.add returns hello: good morning")
    func parameters() async throws {
        let reply = try await HelloController().parametersAdd(
            ParameterPreSubstitutionArgs(workflow: workflow, template: Template(name: "main")),
            context: context(.parametersAdd))
        #expect(reply.parameters == ["hello": "good morning"])
    }

    @Test("workflow.preOperate adds the hello annotation")
    func annotation() async throws {
        let reply = try await HelloController().workflowPreOperate(
            WorkflowPreOperateArgs(workflow: workflow), context: context(.workflowPreOperate))
        #expect(reply.workflow?.metadata.annotations == ["hello": "good morning"])
    }

    @Test("node.preExecute completes hello plugin nodes and lets others run")
    func nodes() async throws {
        let node = NodeStatus(id: "hello-x-1", name: "hello-x")
        let hello = try await HelloController().nodePreExecute(
            NodePreExecuteArgs(workflow: workflow, template: Template(name: "main", plugin: ["hello": [:]]), node: node),
            context: context(.nodePreExecute))
        #expect(hello.node?.phase == .succeeded)
        #expect(hello.node?.message == "Hello workflow!")
        let other = try await HelloController().nodePreExecute(
            NodePreExecuteArgs(workflow: workflow, template: Template(name: "c"), node: node),
            context: context(.nodePreExecute))
        #expect(other.node == nil)
    }

    @Test("over the wire, template.execute and unserved hooks answer 404")
    func wire() async throws {
        try await PluginTestClient.with(HelloController(), transport: .inProcess) { client async throws in
            for method in [PluginMethod.templateExecute, .nodePostExecute, .workflowPostOperate] {
                #expect(try await client.call(method, json: "{}").status == 404)
            }
        }
    }
}
