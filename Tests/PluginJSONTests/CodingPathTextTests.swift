import Testing

@testable import PluginJSON

/// The one spelling of a coding path in every message: the decoder's, the encoder's, the SDK's 400s.
@Suite("Coding path text")
struct CodingPathTextTests {
    @Test("keys are joined with dots, positions are bracketed, and the empty path is the top level")
    func spelling() {
        #expect(CodingPathText.describe([]) == "the top level")
        #expect(CodingPathText.describe([AnyCodingKey("template")]) == "template")
        #expect(
            CodingPathText.describe([
                AnyCodingKey("template"), AnyCodingKey("inputs"), AnyCodingKey("parameters"),
                AnyCodingKey(intValue: 3)!, AnyCodingKey("name"),
            ]) == "template.inputs.parameters[3].name")
        #expect(CodingPathText.describe([AnyCodingKey(intValue: 0)!, AnyCodingKey(intValue: 1)!]) == "[0][1]")
        #expect(CodingPathText.describe([AnyCodingKey(intValue: 2)!, AnyCodingKey("a")]) == "[2].a")
    }

    @Test("a key longer than 40 characters is quoted and cut short")
    func longKeys() {
        let key = String(repeating: "k", count: 100)
        let text = CodingPathText.describe([AnyCodingKey("a"), AnyCodingKey(key)])
        #expect(text == "a.\"" + String(repeating: "k", count: 40) + "…\"")
    }

    @Test("the decoder's and the encoder's messages spell the top level the same way")
    func messagesUseIt() throws {
        let decoding = decodingFailure { _ = try PluginJSONDecoder().decode(Int.self, from: utf8(#""x""#)) }
        #expect(decoding == "expected an integer at \(CodingPathText.topLevel) but found a string")
        do {
            _ = try PluginJSONEncoder().encode(Double.nan)
            Issue.record("NaN encoded")
        } catch EncodingError.invalidValue(_, let context) {
            #expect(context.debugDescription.hasSuffix("at \(CodingPathText.topLevel)"))
        }
    }
}
