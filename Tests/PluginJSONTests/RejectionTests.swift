import Foundation
import Testing

@testable import PluginJSON

/// Malformed documents and a fragment the error message must contain.
let malformed: [(input: [UInt8], message: String)] = [
    (utf8(""), "unexpected end of input at byte 0"),
    (utf8("   "), "unexpected end of input at byte 3"),
    (utf8("{} x"), "unexpected character 'x', expected the end of the document, at byte 3"),
    (utf8("1 2"), "expected the end of the document"),
    (utf8("[1]]"), "at byte 3"),
    (utf8("01"), "leading zero in number at byte 0"),
    (utf8("-01"), "leading zero"),
    (utf8("[00]"), "leading zero"),
    (utf8("-"), "unexpected end of input"),
    (utf8("1."), "unexpected end of input"),
    (utf8("[1.]"), "expected a digit after '.'"),
    (utf8(".5"), "unexpected character '.'"),
    (utf8("[1e]"), "expected a digit in the exponent"),
    (utf8("[1e+]"), "expected a digit in the exponent"),
    (utf8("+1"), "unexpected character '+'"),
    (utf8("0x10"), "unexpected character 'x'"),
    (utf8("[1.e5]"), "expected a digit after '.'"),
    (utf8("--1"), "expected a digit"),
    (utf8("NaN"), "unexpected character 'N'"),
    (utf8("[Infinity]"), "unexpected character 'I'"),
    (utf8("-Infinity"), "expected a digit"),
    (utf8("tru"), "unexpected end of input"),
    (utf8("True"), "unexpected character 'T'"),
    (utf8("nul1"), "expected 'null'"),
    (utf8("falsey"), "unexpected character 'y'"),
    (utf8(#""\x""#), "invalid escape '\\' followed by character 'x' at byte 1"),
    (utf8(#""\'""#), "invalid escape"),
    (utf8(#""\u12""#), "expected 4 hex digits"),
    (utf8(#""\u12G4""#), "expected 4 hex digits"),
    (utf8(#""\ud800""#), "high surrogate \\ud800 not followed by a low surrogate at byte 1"),
    (utf8(#""\ud800x""#), "not followed by a low surrogate"),
    (utf8(#""\ud800\u0041""#), "not followed by a low surrogate"),
    (utf8(#""\udbff\udbff""#), "not followed by a low surrogate"),
    (utf8(#""\udc00""#), "lone low surrogate \\udc00"),
    (utf8(#"["a\u0041\uDFFF"]"#), "lone low surrogate"),
    (utf8("\"a\nb\""), "control character U+000A must be escaped in a string at byte 2"),
    (utf8("\"a\tb\""), "control character U+0009"),
    ([0x22, 0x00, 0x22], "control character U+0000"),
    (utf8(#""abc"#), "unterminated string starting at byte 0"),
    (utf8("[1,2"), "unexpected end of input at byte 4"),
    (utf8(#"{"a":1"#), "unexpected end of input"),
    (utf8(#"{"a""#), "unexpected end of input"),
    (utf8(#"{"a":"#), "unexpected end of input"),
    (utf8("[1,]"), "trailing comma at byte 3"),
    (utf8(#"{"a":1,}"#), "trailing comma at byte 7"),
    (utf8("[,1]"), "unexpected character ','"),
    (utf8("{,}"), "expected a string key"),
    (utf8("[1,,2]"), "unexpected character ','"),
    (utf8(#"{"a" 1}"#), "expected ':'"),
    (utf8("[1 2]"), "expected ',' or ']'"),
    (utf8(#"{"a":1 "b":2}"#), "expected ',' or '}'"),
    (utf8("{1:2}"), "expected a string key"),
    (utf8("{a:1}"), "expected a string key"),
    (utf8("['a']"), "unexpected character '''"),
    (utf8("[1}"), "expected ',' or ']'"),
    (utf8(#"{"a":1]"#), "expected ',' or '}'"),
    ([0xEF, 0xBB, 0xBF] + utf8("{}"), "unexpected byte 0xEF"),
    ([0x22, 0xFF, 0x22], "invalid UTF-8 byte 0xFF at byte 1"),
    ([0x22, 0x80, 0x22], "invalid UTF-8 byte 0x80"),
    ([0x22, 0xC0, 0xAF, 0x22], "invalid UTF-8 byte 0xC0"),
    ([0x22, 0xC1, 0xBF, 0x22], "invalid UTF-8 byte 0xC1"),
    ([0x22, 0xE0, 0x80, 0xAF, 0x22], "invalid UTF-8 sequence at byte 1"),
    ([0x22, 0xF0, 0x80, 0x80, 0xAF, 0x22], "invalid UTF-8 sequence"),
    ([0x22, 0xED, 0xA0, 0x80, 0x22], "invalid UTF-8 sequence"),
    ([0x22, 0xED, 0xBF, 0xBF, 0x22], "invalid UTF-8 sequence"),
    ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "invalid UTF-8 sequence"),
    ([0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], "invalid UTF-8 byte 0xF5"),
    ([0x22, 0xE2, 0x82, 0x22], "invalid UTF-8 sequence"),
    ([0x22, 0xE2, 0x82], "truncated UTF-8 sequence"),
    ([0x22, 0xC3, 0x28, 0x22], "invalid UTF-8 sequence"),
    ([0x5B, 0xC3, 0xA9, 0x5D], "unexpected byte 0xC3"),
    (utf8(#"{"a":1,"a":2}"#), "duplicate key \"a\" at byte 7"),
    (utf8(#"{"a":1,"\u0061":2}"#), "duplicate key \"a\""),
    (utf8(#"{"x":{"b":[],"c":0,"b":{}}}"#), "duplicate key \"b\""),
    (utf8("{" + (0..<100).map { #""k\#($0)":0"# }.joined(separator: ",") + #","k57":1}"#), "duplicate key \"k57\""),
    (utf8(#"{"K":1,"\u212A":2}"#), "duplicate key"),
    (utf8("{\"\u{E9}\":1,\"e\u{301}\":2}"), "duplicate key"),
    (utf8("{" + (0..<20).map { #""k\#($0)":0"# }.joined(separator: ",") + ",\"\u{E9}\":1,\"e\u{301}\":2}"), "duplicate key"),
    (utf8("1e400"), "number out of range (overflows a 64-bit float) at byte 0"),
    (utf8("[-1e400]"), "number out of range"),
    (utf8("1.5e309"), "number out of range"),
    (utf8(String(repeating: "9", count: 400)), "number out of range"),
    (utf8("0." + String(repeating: "0", count: 400) + "1e800"), "number out of range"),
]

@Test("every malformed document is rejected with a DecodingError naming the problem")
func malformedDocumentsAreRejected() {
    for (input, message) in malformed {
        let failure = decodingFailure { _ = try JSONValue(parsing: input) }
        #expect(failure.contains(message), "\(String(decoding: input.prefix(40), as: UTF8.self)): \(failure)")
    }
}

@Test("malformed documents are rejected by the typed decoder too, and JSONSerialization refuses most of them")
func malformedDocumentsAreRejectedByTypedDecoder() {
    for (input, _) in malformed {
        #expect(throws: DecodingError.self) { try PluginJSONDecoder().decode(JSONValue.self, from: input) }
    }
    // JSONSerialization refuses most of the list as well (it accepts duplicate keys, BOMs and a few others).
    let alsoRefusedByFoundation = malformed.filter { input, _ in
        (try? JSONSerialization.jsonObject(with: Data(input), options: [.fragmentsAllowed])) == nil
    }
    #expect(alsoRefusedByFoundation.count > malformed.count * 3 / 4)
}

@Test("the depth limit holds at exactly maxDepth and is configurable")
func depthLimitBoundary() throws {
    let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    #expect(try JSONValue(parsing: deepest).arrayValue != nil)
    let tooDeep = "[" + deepest + "]"
    #expect(decodingFailure { _ = try JSONValue(parsing: tooDeep) } == "nesting deeper than 512 levels at byte 512")
    #expect(throws: DecodingError.self) { try JSONValue(parsing: "[[[[]]]]", maxDepth: 3) }
    #expect(try JSONValue(parsing: "[[[]]]", maxDepth: 3) == [[[]]])
    var decoder = PluginJSONDecoder()
    decoder.maxDepth = 2
    #expect(throws: DecodingError.self) { try decoder.decode(JSONValue.self, from: utf8(#"{"a":{"b":[]}}"#)) }
}

@Test("nesting 300,000 deep fails fast with an error, for arrays, objects and a mix")
func hostileNestingFailsFast() throws {
    let depth = 300_000
    let inputs: [[UInt8]] = [
        Array(repeating: UInt8(ascii: "["), count: depth),
        Array(repeating: UInt8(ascii: "["), count: depth) + Array(repeating: UInt8(ascii: "]"), count: depth),
        Array(String(repeating: #"{"a":"#, count: depth).utf8),
        Array(String(repeating: #"[{"a":"#, count: depth / 2).utf8) + utf8("1")
            + Array(String(repeating: "}]", count: depth / 2).utf8),
    ]
    let clock = ContinuousClock()
    // `make test-asan`/`make test-tsan` stretch time bounds by this factor: sanitized code runs 5-15 times slower.
    let scale = ProcessInfo.processInfo.environment["ARGO_PLUGIN_TEST_TIME_SCALE"].flatMap(Double.init) ?? 1
    for input in inputs {
        let elapsed = clock.measure {
            #expect(decodingFailure { _ = try JSONValue(parsing: input) }.contains("nesting deeper than 512 levels"))
            #expect(throws: DecodingError.self) { try PluginJSONDecoder().decode([String: JSONValue].self, from: input) }
        }
        #expect(elapsed < .seconds(1) * max(1, scale))
    }
}
