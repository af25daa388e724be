import Foundation
import Testing

@testable import ArgoModels

@Suite("Decoding from JSONValue without Foundation")
struct JSONValueDecoderTests {
    struct Config: Decodable, Equatable {
        struct Field: Decodable, Equatable {
            var name: String
            var width: UInt8?
        }
        var channel: String
        var retries: Int?
        var ratio: Double
        var tags: [String]
        var fields: [Field]
        var extra: [String: JSONValue]?
    }

    let decoder = JSONValueDecoder()

    @Test("Nested objects, arrays, optionals and numbers decode as with JSONDecoder")
    func decodesNestedValues() throws {
        let value: JSONValue = [
            "channel": "#ci", "ratio": 2, "tags": ["a", "b"], "fields": [["name": "env", "width": 8]],
            "extra": ["any": [1, nil, true]],
        ]
        let config = try decoder.decode(Config.self, from: value)
        #expect(
            config
                == Config(
                    channel: "#ci", retries: nil, ratio: 2, tags: ["a", "b"], fields: [.init(name: "env", width: 8)],
                    extra: ["any": [1, nil, true]]
                )
        )
        let viaFoundation = try JSONDecoder().decode(Config.self, from: try JSONEncoder().encode(value))
        #expect(config == viaFoundation)
    }

    @Test("A mismatch deep in an array names its full path")
    func mismatchPath() {
        let value: JSONValue = ["channel": "#ci", "ratio": 1, "tags": [], "fields": [["name": "a"], ["name": 5]]]
        do {
            _ = try decoder.decode(Config.self, from: value)
            Issue.record("expected an error")
        } catch DecodingError.typeMismatch(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["fields", "1", "name"])
            #expect(context.debugDescription == #""fields[1].name": expected String, found number"#)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("A missing member is keyNotFound with its name")
    func missingMember() {
        do {
            _ = try decoder.decode(Config.self, from: ["ratio": 1, "tags": [], "fields": []])
            Issue.record("expected an error")
        } catch DecodingError.keyNotFound(let key, let context) {
            #expect(key.stringValue == "channel")
            #expect(context.debugDescription == #""channel": missing"#)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("Numbers that do not fit the requested integer type are rejected")
    func integerRange() {
        let value: JSONValue = ["channel": "c", "ratio": 1, "tags": [], "fields": [["name": "a", "width": 300]]]
        #expect(throws: DecodingError.self) { try decoder.decode(Config.self, from: value) }
        #expect(throws: DecodingError.self) { try decoder.decode(Int.self, from: .number(1.5)) }
        #expect((try? decoder.decode(Int.self, from: .number(3))) == 3)
    }

    @Test(
        "Every model decodes through a decoder that is not Foundation's, to the same value",
        arguments: [
            "hello", "medium", "large", "docs-execute",
        ])
    func modelsThroughAnyDecoder(body: String) throws {
        let data = try Fixtures.body(body)
        let viaFoundation = try JSONDecoder().decode(ExecuteTemplateArgs.self, from: data)
        let viaTree = try decoder.decode(ExecuteTemplateArgs.self, from: try Fixtures.tree(data))
        #expect(viaFoundation == viaTree)
    }

    @Test("Controller bodies decode through a decoder that is not Foundation's, to the same value")
    func controllerModelsThroughAnyDecoder() throws {
        func check<T: Decodable & Equatable>(_ type: T.Type, _ body: String) throws {
            let data = try Fixtures.body(body)
            #expect(try JSONDecoder().decode(type, from: data) == decoder.decode(type, from: try Fixtures.tree(data)))
        }
        try check(NodePostExecuteArgs.self, "node-postexecute")
        try check(NodePreExecuteArgs.self, "preexec")
        try check(WorkflowPreOperateArgs.self, "workflow-preoperate")
        try check(WorkflowPostOperateArgs.self, "workflow-postoperate")
        try check(ParameterPreSubstitutionArgs.self, "parameters-add")
    }
}
