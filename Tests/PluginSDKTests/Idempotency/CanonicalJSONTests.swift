import Testing
@testable import PluginSDK

@Suite("Canonical JSON")
struct CanonicalJSONTests {
    func text(_ value: JSONValue) -> String { String(decoding: CanonicalJSON.bytes(value), as: UTF8.self) }

    @Test("objects sort their keys at every depth, without whitespace")
    func sorting() {
        #expect(text(["b": 1, "a": ["d": true, "c": nil]]) == #"{"a":{"c":null,"d":true},"b":1}"#)
        #expect(text(["é": 1, "z": 2, "Z": 3]) == #"{"Z":3,"z":2,"é":1}"#)
    }

    @Test("strings escape quotes, backslashes and control characters only")
    func strings() {
        #expect(text("a\"b\\c\n\t\u{01}é/") == #""a\"b\\c\n\t\u0001é/""#)
    }

    @Test("whole numbers print as integers, others in shortest form")
    func numbers() {
        #expect(text([1.0, 2, -0.5, 1e300]) == "[1,2,-0.5,1e+300]")
    }
}
