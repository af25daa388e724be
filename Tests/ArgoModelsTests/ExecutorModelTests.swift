import ArgoModels
import Foundation
import Testing

@Suite("Executor contract models")
struct ExecutorModelTests {
    @Test("The smallest template.execute body decodes with its workflow and plugin config")
    func decodesHelloBody() throws {
        let args = try JSONDecoder().decode(ExecuteTemplateArgs.self, from: try Fixtures.body("hello"))
        #expect(args.workflow.metadata.name == "ci-pipeline-7x2kq")
        #expect(args.workflow.metadata.namespace == "argo")
        #expect(args.workflow.metadata.uid == "3f1c9a7e-5b2d-4e8a-9c61-0d4b7e2f8a15")
        #expect(args.template.name == "main")
        #expect(args.template.pluginConfig(for: "hello") == .object([:]))
        #expect(args.template.inputs?.parameters == nil)
    }

    @Test("A medium body exposes inputs, metadata, retry strategy and typed plugin config")
    func decodesMediumBody() throws {
        let args = try JSONDecoder().decode(ExecuteTemplateArgs.self, from: try Fixtures.body("medium"))
        let template = args.template
        #expect(template.inputs?.value(of: "environment") == "staging")
        #expect(template.inputs?.parameter(named: "environment")?.enum == ["dev", "staging", "prod"])
        #expect(template.inputs?.parameter(named: "branch")?.default == "main")
        #expect(template.inputs?.value(of: "missing") == nil)
        #expect(template.metadata?.labels?["team"] == "platform")
        #expect(template.activeDeadlineSeconds == .int(300))
        #expect(template.timeout == "30s")
        #expect(template.retryStrategy?.limit == 3)
        #expect(template.retryStrategy?.backoff?.factor == 2)
        #expect(template.retryStrategy?.backoff?.duration == "5s")

        struct Hello: Decodable, Equatable {
            var channel: String
            var retries: Int
            var dryRun: Bool
        }
        let hello = try template.decodePlugin(Hello.self, key: "hello")
        #expect(hello == Hello(channel: "#builds", retries: 3, dryRun: false))
    }

    @Test("Each bench body re-encodes to the same JSON by meaning", arguments: ["hello", "medium", "large"])
    func roundTripsBodies(name: String) throws {
        let (original, reencoded) = try Fixtures.roundTrip(ExecuteTemplateArgs.self, try Fixtures.body(name))
        #expect(original == reencoded)
    }

    @Test("A body without a template is rejected")
    func requiresTemplate() throws {
        let body = Data(#"{"workflow":{"metadata":{"name":"wf"}}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ExecuteTemplateArgs.self, from: body) }
    }

    @Test("notMine encodes as an empty object")
    func notMineIsEmpty() throws {
        #expect(try Fixtures.json(ExecuteTemplateReply.notMine) == "{}")
    }

    @Test("Reply factories set Argo's phase spellings and a Go requeue duration")
    func replyFactories() throws {
        #expect(
            try Fixtures.json(ExecuteTemplateReply.succeeded(message: "ok", outputs: Outputs().parameter("id", 42)))
                == #"{"node":{"message":"ok","outputs":{"parameters":[{"name":"id","value":"42"}]},"phase":"Succeeded"}}"#
        )
        #expect(
            try Fixtures.json(ExecuteTemplateReply.failed("boom")) == #"{"node":{"message":"boom","phase":"Failed"}}"#)
        #expect(
            try Fixtures.json(ExecuteTemplateReply.running(requeueAfter: .seconds(90)))
                == #"{"node":{"phase":"Running"},"requeue":"1m30s"}"#
        )
        #expect(
            try Fixtures.json(ExecuteTemplateReply.pending(message: "queued", requeueAfter: .milliseconds(300)))
                == #"{"node":{"message":"queued","phase":"Pending"},"requeue":"300ms"}"#
        )
    }

    @Test("Plugin config errors name the offending field")
    func pluginConfigErrorNamesField() throws {
        struct Hello: Decodable { var channel: String }
        let template = Template(name: "t", plugin: ["hello": ["channel": 7]])
        do {
            _ = try template.decodePlugin(Hello.self, key: "hello")
            Issue.record("expected a DecodingError")
        } catch DecodingError.typeMismatch(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["channel"])
            #expect(context.debugDescription == "expected a string at channel but found a number")
        }
        #expect(throws: DecodingError.self) { try template.decodePlugin(Hello.self, key: "other") }
    }
}

extension ExecutorModelTests {
    @Test("A template's timeout reads as Argo reads it: a Go duration or whole seconds, nil for an expression")
    func timeoutDuration() {
        #expect(Template(timeout: "1m30s").timeoutDuration == .seconds(90))
        #expect(Template(timeout: "{{inputs.parameters.t}}").timeoutDuration == nil)
        // As Argo's ParseStringToDuration: a whole number is seconds.
        #expect(Template(timeout: "90").timeoutDuration == .seconds(90))
        #expect(Template(timeout: "").timeoutDuration == nil)
        #expect(Template().timeoutDuration == nil)
    }

    @Test("Output builders replace a parameter of the same name and leave the original untouched")
    func outputBuilders() {
        let base = Outputs().parameter("a", "1")
        let changed = base.parameter("a", "2").parameter("b", true).result("done").artifact("log", path: "/tmp/log")
        #expect(base.parameters?.map(\.value) == ["1"])
        #expect(changed.parameters?.map(\.name) == ["a", "b"])
        #expect(changed.parameter(named: "a")?.value == "2")
        #expect(changed.parameter(named: "b")?.value == "true")
        #expect(changed.result == "done")
        #expect(changed.artifacts == [Artifact(name: "log", path: "/tmp/log")])
        #expect(changed.artifact(Artifact(name: "log", path: "/var/log")).artifacts?.map(\.path) == ["/var/log"])
    }

    @Test("An input's value falls back to its default")
    func inputDefault() {
        let inputs = Inputs(parameters: [Parameter(name: "a", default: "x"), Parameter(name: "b")])
        #expect(inputs.value(of: "a") == "x")
        #expect(inputs.value(of: "b") == nil)
        #expect(inputs.parameter(named: "b")?.name == "b")
    }
}
