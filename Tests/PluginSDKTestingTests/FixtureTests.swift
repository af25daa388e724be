import Foundation
import PluginSDK
import Testing
@testable import PluginSDKTesting

@Suite("Fixtures")
struct FixtureTests {
    @Test("ExecuteTemplateArgs.fixture encodes to the body Argo's agent sends")
    func executeShape() throws {
        let args = ExecuteTemplateArgs.fixture(plugin: "hello", config: ["greeting": "hi"], inputs: ["b": "2", "a": "1"])
        let json = try JSONDecoder().decode(JSONValue.self, from: Data(try PluginTestClient.encode(args)))
        let expected: JSONValue = [
            "workflow": ["metadata": ["name": "test-workflow", "namespace": "argo", "uid": .string(FixtureDefaults.workflowUID)]],
            "template": [
                "name": "main", "outputs": [:], "plugin": ["hello": ["greeting": "hi"]],
                "inputs": ["parameters": [["name": "a", "value": "1"], ["name": "b", "value": "2"]]],
            ],
        ]
        #expect(json == expected)
    }

    @Test("hook fixtures carry a workflow, a template and nodes with the given phase")
    func hooks() {
        let pre = NodePreExecuteArgs.fixture(plugin: "hello", inputs: ["x": "1"])
        #expect(pre.template.pluginConfig(for: "hello") == [:])
        #expect(pre.template.inputs?.value(of: "x") == "1")
        #expect(pre.node.phase == .pending)
        let post = NodePostExecuteArgs.fixture(phase: .failed)
        #expect(post.old?.phase == .running)
        #expect(post.new?.phase == .failed)
        #expect(WorkflowPostOperateArgs.fixture().new?.metadata.uid == FixtureDefaults.workflowUID)
        #expect(Template.fixture(plugin: nil).plugin == nil)
        #expect(PodPreCreateArgs.fixture().pod.metadata?.name == "test-workflow-main")
    }
}
