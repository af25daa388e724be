import Foundation
import Testing

@testable import ArgoModels

/// Real and crafted Argo bodies, decoded and re-encoded, compared by meaning.
@Suite("Round trips of Argo bodies")
struct RoundTripTests {
    /// A body file and the model for it.
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let roundTrip: @Sendable (Data) throws -> (original: JSONValue, reencoded: JSONValue)
        var testDescription: String { file }

        static func of<T: Codable>(_ file: String, _ type: T.Type) -> Case {
            Case(file: file, roundTrip: { try Fixtures.roundTrip(type, $0) })
        }
    }

    static let cases: [Case] = [
        .of("hello", ExecuteTemplateArgs.self),
        .of("medium", ExecuteTemplateArgs.self),
        .of("large", ExecuteTemplateArgs.self),
        .of("docs-execute", ExecuteTemplateArgs.self),
        .of("docs-execute-reply", ExecuteTemplateReply.self),
        .of("execute-running-reply", ExecuteTemplateReply.self),
        .of("workflow-preoperate", WorkflowPreOperateArgs.self),
        .of("workflow-preoperate-reply", WorkflowPreOperateReply.self),
        .of("workflow-postoperate", WorkflowPostOperateArgs.self),
        .of("preexec", NodePreExecuteArgs.self),
        .of("node-preexecute-reply", NodePreExecuteReply.self),
        .of("node-postexecute", NodePostExecuteArgs.self),
        .of("parameters-add", ParameterPreSubstitutionArgs.self),
        .of("parameters-add-reply", ParameterPreSubstitutionReply.self),
    ]

    @Test("Each body survives decode and encode with every member, known or not", arguments: cases)
    func bodyRoundTrips(_ testCase: Case) throws {
        let (original, reencoded) = try testCase.roundTrip(try Fixtures.body(testCase.file))
        // Argo's AnyString writes numbers and Booleans back as strings; so do the models.
        #expect(Fixtures.stringifyingParameterScalars(original) == reencoded)
    }

    @Test("Parameters given as JSON numbers and Booleans read as Go prints them")
    func anyStringParameters() throws {
        let args = try JSONDecoder().decode(
            ParameterPreSubstitutionArgs.self, from: try Fixtures.body("parameters-add"))
        #expect(args.template.inputs?.value(of: "dry-run") == "true")
        #expect(args.template.inputs?.value(of: "ratio") == "0.75")
        #expect(args.template.inputs?.parameter(named: "dry-run")?.description == "Only log")
        #expect(args.template.parallelism == 2)
        #expect(args.template.unknownFields["steps"]?.arrayValue?.count == 1)
    }

    @Test("The large body keeps all its parameters, in order, with their text intact")
    func largeBodyParameters() throws {
        let data = try Fixtures.body("large")
        let args = try JSONDecoder().decode(ExecuteTemplateArgs.self, from: data)
        let raw = try Fixtures.tree(data)["template"]?["inputs"]?["parameters"]?.arrayValue ?? []
        let parameters = args.template.inputs?.parameters ?? []
        #expect(parameters.count == raw.count)
        #expect(parameters.count > 100)
        #expect(parameters.map(\.name) == raw.map { $0["name"]?.stringValue ?? "" })
        #expect(parameters.map { $0.value?.string } == raw.map { $0["value"]?.stringValue })
    }

    @Test("Controller hook bodies expose their typed members")
    func controllerBodies() throws {
        let pre = try JSONDecoder().decode(WorkflowPreOperateArgs.self, from: try Fixtures.body("workflow-preoperate"))
        let meta = pre.workflow.metadata
        #expect(meta.generation == 7)
        #expect(meta.creationTimestamp == "2026-10-27T09:14:03Z")
        #expect(meta.deletionTimestamp == nil)
        #expect(meta.ownerReferences?.first?.kind == "CronWorkflow")
        #expect(meta.finalizers == ["workflows.argoproj.io/artifact-gc"])
        #expect(meta.managedFields?.last?.subresource == "status")
        #expect(meta.unknownFields["x-future-metadata"] == ["kept": true])

        let post = try JSONDecoder().decode(
            WorkflowPostOperateArgs.self, from: try Fixtures.body("workflow-postoperate"))
        #expect(post.old?.metadata.labels?["workflows.argoproj.io/phase"] == "Running")
        #expect(post.new?.metadata.labels?["workflows.argoproj.io/phase"] == "Succeeded")

        let node = try JSONDecoder().decode(NodePostExecuteArgs.self, from: try Fixtures.body("node-postexecute"))
        #expect(node.old?.phase == .running)
        #expect(node.old?.finishedAt == nil)
        #expect(node.new?.phase?.isTerminal == true)
        #expect(node.new?.type == .pod)
        #expect(node.new?.resourcesDuration?["cpu"] == 504)
        #expect(node.new?.nodeFlag?.retried == true)
        #expect(node.new?.outputs?.exitCode == "0")
        #expect(node.new?.unknownFields["taskResultSynced"] == true)
        #expect(node.template?.activeDeadlineSeconds == .string("{{inputs.parameters.deadline}}"))
        #expect(node.template?.retryStrategy?.limit == "{{inputs.parameters.attempts}}")
        #expect(node.template?.inputs?.artifact(named: "source")?.unknownFields["git"]?["revision"] == "9f4e2c1")

        let preexec = try JSONDecoder().decode(NodePreExecuteArgs.self, from: try Fixtures.body("preexec"))
        #expect(preexec.node.progress == "0/1")
        #expect(preexec.node.estimatedDuration == 252)
        #expect(preexec.template.unknownFields["container"]?["image"] == "registry.example.com/platform/builder:1.24")
    }

    @Test("A hook that changes one member of a node returns every other member untouched")
    func modifiedNodeKeepsEverythingElse() throws {
        let data = try Fixtures.body("node-postexecute")
        var args = try JSONDecoder().decode(NodePostExecuteArgs.self, from: data)
        args.new?.message = "checked"
        let reencoded = Fixtures.withoutNullMembers(try Fixtures.tree(try Fixtures.encoder().encode(args)))
        guard
            case .object(var expected) = Fixtures.stringifyingParameterScalars(
                Fixtures.withoutNullMembers(try Fixtures.tree(data))),
            case .object(var new)? = expected["new"]
        else {
            Issue.record("unexpected body shape")
            return
        }
        new["message"] = "checked"
        expected["new"] = .object(new)
        #expect(reencoded == .object(expected))
    }

    @Test("Encoding is deterministic: the same value gives the same bytes, keys sorted")
    func deterministicEncoding() throws {
        let args = try JSONDecoder().decode(NodePostExecuteArgs.self, from: try Fixtures.body("node-postexecute"))
        let first = try Fixtures.encoder().encode(args)
        let second = try Fixtures.encoder().encode(try JSONDecoder().decode(NodePostExecuteArgs.self, from: first))
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix(#"{"new":{"boundaryID":"#))
    }

    @Test("A pod keeps its spec, status and unknown members")
    func podRoundTrip() throws {
        let body = Data(
            #"""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"wf-build-123","namespace":"argo","labels":{"a":"b"}},
             "spec":{"containers":[{"name":"main","image":"alpine:3.20"}],"restartPolicy":"Never"},
             "status":{"phase":"Pending"},"x-extra":1}
            """#.utf8
        )
        let (original, reencoded) = try Fixtures.roundTrip(Pod.self, body)
        #expect(original == reencoded)
        let pod = try JSONDecoder().decode(Pod.self, from: body)
        #expect(pod.metadata?.labels == ["a": "b"])
        #expect(pod.spec?["restartPolicy"] == "Never")
    }
}
