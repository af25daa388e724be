import ArgoModels
import Testing

@testable import PluginJSON

@Test("a document answers lookups by path and decodes the whole or a part")
func documentLookups() throws {
    let document = try JSONDocument(parsing: try BenchBodies.bytes("hello"))
    #expect(document.contains(["template", "plugin", "hello"]))
    #expect(!document.contains(["template", "plugin", "other"]))
    #expect(!document.contains(["template", "name", "x"]))
    #expect(document.keys(at: ["template"]) == ["name", "inputs", "outputs", "metadata", "plugin"])
    #expect(document.keys(at: ["template", "name"]) == nil)
    #expect(try document.value(at: ["workflow", "metadata", "namespace"]) == "argo")
    #expect(try document.value(at: ["nope"]) == nil)
    let args = try document.decode(ExecuteTemplateArgs.self)
    #expect(args == (try PluginJSONDecoder().decode(ExecuteTemplateArgs.self, from: try BenchBodies.bytes("hello"))))
    #expect(try document.decode(String.self, at: ["template", "name"]) == "main")
}

@Test("decoding a part reports coding paths from the top of the document, and absent parts as valueNotFound")
func documentPartErrors() throws {
    let document = try JSONDocument(parsing: utf8(#"{"a":{"b":[1,"x"]}}"#))
    #expect(failurePath { _ = try document.decode([Int].self, at: ["a", "b"]) } == "a.b.[1]")
    #expect(decodingFailure { _ = try document.decode(Int.self, at: ["a", "c"]) } == "expected Int at a.c but found nothing")
    #expect(throws: DecodingError.self) { try JSONDocument(parsing: utf8(#"{"a":1,"a":2}"#)) }
}

@Test("a subdocument is a part of the same parse whose errors have coding paths from that part")
func subdocuments() throws {
    let document = try JSONDocument(parsing: utf8(#"{"template":{"plugin":{"hello":{"greeting":7,"tags":["a",2]}}}}"#))
    let config = try #require(document.subdocument(at: ["template", "plugin", "hello"]))
    #expect(document.subdocument(at: ["template", "plugin", "other"]) == nil)
    #expect(config.keys() == ["greeting", "tags"])
    #expect(config.contains(["tags"]))
    #expect(try config.value(at: ["greeting"]) == 7)
    #expect(try config.decode(Int.self, at: ["greeting"]) == 7)
    #expect(
        decodingFailure { _ = try config.decode([String: String].self) }
            == "expected a string at greeting but found a number")
    #expect(failurePath { _ = try config.decode([String].self, at: ["tags"]) } == "tags.[1]")
    #expect(
        decodingFailure { _ = try config.decode([String].self, at: ["tags"]) }
            == "expected a string at tags[1] but found a number")
    let tags = try #require(config.subdocument(at: ["tags"]))
    #expect(decodingFailure { _ = try tags.decode([String].self) } == "expected a string at [1] but found a number")
    #expect(
        decodingFailure { _ = try config.decode(Int.self, at: ["nope"]) } == "expected Int at nope but found nothing")
    // The same part decoded from the whole document keeps paths from the top.
    #expect(failurePath { _ = try document.decode([String].self, at: ["template", "plugin", "hello", "tags"]) }
        == "template.plugin.hello.tags.[1]")
}
