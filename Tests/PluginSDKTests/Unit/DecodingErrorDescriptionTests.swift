import PluginJSON
import Testing

@testable import PluginSDK

/// The one-line descriptions of 400 replies and parameter failures: the field first, spelled as every coding path
/// of the SDK is (`CodingPathText`).
@Suite("Decoding error descriptions")
struct DecodingErrorDescriptionTests {
    func describe<T: Decodable>(_ type: T.Type, _ body: String) -> String {
        do {
            _ = try WireJSON.decode(type, from: Array(body.utf8))
            return "<decoded>"
        } catch {
            return DecodingErrorDescription.describe(error)
        }
    }

    @Test(
        "each kind of decoding error names the field the way the decoder's own messages do",
        arguments: [
            (#"{"workflow":{"metadata":{}}}"#, "template: required field is missing"),
            ("[]", "the top level: expected an object; expected an object at the top level but found an array"),
            (#"{"workflow":{"metadata":{"name":5}},"template":{}}"#,
             "workflow.metadata.name: expected a string; "
                + "expected a string at workflow.metadata.name but found a number"),
            (#"{"workflow":null,"template":{}}"#, "workflow: expected an object, found null"),
            (#"{"workflow":{"metadata":{}},"template":{"inputs":{"parameters":[{"name":"a"},{"value":"v"}]}}}"#,
             "template.inputs.parameters[1].name: required field is missing"),
        ])
    func fields(body: String, expected: String) {
        #expect(describe(ExecuteTemplateArgs.self, body) == expected)
    }

    @Test("a syntax error has no coding path: its message names the byte offset and is given as it is")
    func syntax() {
        #expect(describe(ExecuteTemplateArgs.self, "{") == "unexpected end of input at byte 1")
    }

    @Test("a number that does not fit names its field")
    func numberDoesNotFit() {
        struct Counter: Decodable { var count: Int8 }
        #expect(describe(Counter.self, #"{"count":300}"#) == "count: number 300 at count does not fit in Int8")
    }

    @Test("errors that are not decoding errors are described as they describe themselves")
    func otherErrors() {
        struct Odd: Error, CustomStringConvertible { var description: String { "odd" } }
        #expect(DecodingErrorDescription.describe(Odd()) == "odd")
    }
}
