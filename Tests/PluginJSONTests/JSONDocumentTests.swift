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
