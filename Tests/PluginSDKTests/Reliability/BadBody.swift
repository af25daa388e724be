/// A hostile or broken `template.execute` body and what it exercises.
struct BadBody: Sendable, CustomStringConvertible {
    var name: String
    var bytes: [UInt8]

    var description: String { name }

    init(_ name: String, _ text: String) {
        self.init(name, Array(text.utf8))
    }

    init(_ name: String, _ bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    static let workflow = #"{"metadata":{"name":"wf"}}"#
    static let template = #"{"name":"main","plugin":{"probe":{}}}"#

    /// Malformed JSON of many kinds.
    static let malformed: [BadBody] = [
        BadBody("empty body", ""),
        BadBody("whitespace only", " \r\n\t "),
        BadBody("lone open brace", "{"),
        BadBody("lone close brace", "}"),
        BadBody("unquoted key", "{workflow: {}}"),
        BadBody("single quotes", "{'workflow': {}}"),
        BadBody("truncated mid-object", #"{"workflow":{"metadata":{"name":"wf"#),
        BadBody("truncated mid-string", #"{"workflow":"abc"#),
        BadBody("trailing comma", #"{"workflow":\#(workflow),"template":\#(template),}"#),
        BadBody("missing colon", #"{"workflow" \#(workflow)}"#),
        BadBody("trailing garbage", #"{"workflow":\#(workflow),"template":\#(template)} trailing"#),
        BadBody("two documents", #"{"workflow":\#(workflow),"template":\#(template)}{}"#),
        BadBody("NaN literal", #"{"workflow":\#(workflow),"template":\#(template),"x":NaN}"#),
        BadBody("comment", #"// hello"# + "\n" + #"{"workflow":\#(workflow),"template":\#(template)}"#),
        BadBody("control character in string", "{\"workflow\":{\"metadata\":{\"name\":\"a\u{01}b\"}},\"template\":\(template)}"),
        BadBody("bad escape", #"{"workflow":{"metadata":{"name":"\q"}},"template":\#(template)}"#),
        BadBody("NUL byte", [UInt8](#"{"workflow":"#.utf8) + [0] + [UInt8]("}".utf8)),
        BadBody("random binary", (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }),
    ]

    /// Valid JSON of the wrong shape.
    static let wrongShape: [BadBody] = [
        BadBody("top-level array", "[]"),
        BadBody("top-level null", "null"),
        BadBody("top-level string", #""hello""#),
        BadBody("top-level number", "42"),
        BadBody("missing workflow and template", "{}"),
        BadBody("missing template", #"{"workflow":\#(workflow)}"#),
        BadBody("missing workflow", #"{"template":\#(template)}"#),
        BadBody("workflow is a string", #"{"workflow":"wf","template":\#(template)}"#),
        BadBody("template is an array", #"{"workflow":\#(workflow),"template":[]}"#),
        BadBody("name is a number", #"{"workflow":{"metadata":{"name":5}},"template":\#(template)}"#),
        BadBody("labels hold a number", #"{"workflow":{"metadata":{"labels":{"a":1}}},"template":\#(template)}"#),
        BadBody("generation is a string", #"{"workflow":{"metadata":{"generation":"1"}},"template":\#(template)}"#),
    ]

    /// Encodings, sizes and depths meant to break parsers.
    static let hostile: [BadBody] = [
        BadBody("invalid UTF-8 in a string", [UInt8](#"{"workflow":{"metadata":{"name":""#.utf8) + [0xFF, 0xFE]
            + [UInt8](#""}},"template":\#(template)}"#.utf8)),
        BadBody("overlong UTF-8 encoding", [UInt8](#"{"workflow":{"metadata":{"name":""#.utf8) + [0xC0, 0xAF]
            + [UInt8](#""}},"template":\#(template)}"#.utf8)),
        BadBody("truncated UTF-8 sequence", [UInt8](#"{"workflow":{"metadata":{"name":""#.utf8) + [0xE2, 0x82]
            + [UInt8](#""}},"template":\#(template)}"#.utf8)),
        BadBody("invalid UTF-8 in a key", [UInt8]("{\"".utf8) + [0xC3, 0x28] + [UInt8](#"":1,"workflow":\#(workflow),"template":\#(template)}"#.utf8)),
        BadBody("arrays nested 300,000 deep", String(repeating: "[", count: 300_000) + String(repeating: "]", count: 300_000)),
        BadBody("objects nested 300,000 deep in a workflow field",
                #"{"workflow":{"metadata":{"name":"wf"},"spec":"# + String(repeating: #"{"a":"#, count: 300_000)
                + "1" + String(repeating: "}", count: 300_000) + #"},"template":\#(template)}"#),
        BadBody("unclosed nesting 300,000 deep", String(repeating: "[", count: 300_000)),
        BadBody("1e400 in an integer field", #"{"workflow":{"metadata":{"generation":1e400}},"template":\#(template)}"#),
        BadBody("integer too large for Int64", #"{"workflow":{"metadata":{"generation":123456789012345678901234567890}},"template":\#(template)}"#),
        BadBody("fraction in an integer field", #"{"workflow":{"metadata":{"generation":1.5}},"template":\#(template)}"#),
        BadBody("1e400 in a free-form field", #"{"workflow":\#(workflow),"template":{"name":"t","plugin":{"probe":{"x":1e400}}}}"#),
        BadBody("-1e400 in a free-form field", #"{"workflow":\#(workflow),"template":{"name":"t","plugin":{"probe":{"x":-1e400}}}}"#),
        BadBody("duplicate top-level keys", #"{"workflow":\#(workflow),"workflow":\#(workflow),"template":\#(template)}"#),
        BadBody("duplicate nested keys", #"{"workflow":{"metadata":{"name":"a","name":"b"}},"template":\#(template)}"#),
    ]
}
