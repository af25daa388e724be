import Foundation
import PluginConform
import PluginSDKTesting
import Testing

/// The inputs conform reads: the URL, and the sample template from a plugin key, a template or a workflow.
@Suite("conform inputs")
struct ConformInputTests {
    @Test(
        "a base URL gives host and port; https, paths and garbage are refused",
        arguments: [
            ("http://127.0.0.1:4355", "127.0.0.1", 4355), ("http://localhost:8080/", "localhost", 8080),
            ("http://[::1]:4355", "::1", 4355), ("http://plugin", "plugin", 80),
        ])
    func url(url: String, host: String, port: Int) throws {
        let target = try ConformTarget(url: url, token: "t", timeout: .seconds(1))
        #expect(target.host == host)
        #expect(target.port == port)
        #expect(!target.url.hasSuffix("/"))
    }

    @Test(
        "URLs conform cannot call as Argo does are refused",
        arguments: [
            "https://127.0.0.1:4355", "127.0.0.1:4355", "http://127.0.0.1:4355/api/v1", "ftp://x",
        ])
    func badURL(url: String) {
        #expect(throws: ConformInputError.self) { try ConformTarget(url: url, token: "t", timeout: .seconds(1)) }
    }

    @Test("a workflow gives its first plugin template, or the one named, with the workflow's name and namespace")
    func workflow() throws {
        let document: JSONValue = [
            "kind": "Workflow", "metadata": ["generateName": "hello-", "namespace": "ci"],
            "spec": [
                "templates": [
                    ["name": "main", "steps": []], ["name": "greet", "plugin": ["hello": ["to": "you"]]],
                    ["name": "other", "plugin": ["slack": [:]]],
                ]
            ],
        ]
        let first = try ConformSample(document: document)
        #expect(first.template["name"] == "greet")
        #expect(first.workflow["metadata"]?["name"] == "hello-conform")
        #expect(first.workflow["metadata"]?["namespace"] == "ci")
        #expect(try ConformSample(document: document, templateName: "other").template["name"] == "other")
        #expect(throws: ConformInputError.self) { try ConformSample(document: document, templateName: "nope") }
    }

    @Test("a CronWorkflow's templates are under spec.workflowSpec; a bare template is used as it is")
    func cronAndTemplate() throws {
        let cron: JSONValue = [
            "kind": "CronWorkflow", "metadata": ["name": "nightly"],
            "spec": ["workflowSpec": ["templates": [["name": "t", "plugin": ["hello": [:]]]]]],
        ]
        #expect(try ConformSample(document: cron).template["plugin"]?["hello"] != nil)
        let template: JSONValue = ["name": "t", "plugin": ["hello": [:]]]
        #expect(try ConformSample(document: template).template == template)
        #expect(throws: ConformInputError.self) { try ConformSample(document: ["name": "t", "container": [:]]) }
    }

    @Test("a plugin key and configuration make the template Argo would send")
    func pluginKey() {
        let sample = ConformSample.plugin(key: "slack", config: ["text": "hi"])
        #expect(sample.template == ["name": "conform", "plugin": ["slack": ["text": "hi"]]])
        #expect(sample.workflow["metadata"]?["uid"]?.stringValue?.isEmpty == false)
    }
}
