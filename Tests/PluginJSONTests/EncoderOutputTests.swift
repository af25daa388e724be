import Foundation
import Testing

@testable import PluginJSON

private func text<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try PluginJSONEncoder().encode(value), as: UTF8.self)
}

@Test("object keys come out sorted by UTF-8 bytes, at every level")
func keysSorted() throws {
    #expect(try text(["b": 1, "a": 2, "B": 3, "é": 4, "a/b": 5]) == #"{"B":3,"a":2,"a/b":5,"b":1,"é":4}"#)
    struct Unsorted: Encodable {
        var zebra = 1
        var apple = ["y": 1, "x": 2]
        var mango: JSONValue = ["q": [["d": 1, "c": 2]], "p": nil]
    }
    #expect(try text(Unsorted()) == #"{"apple":{"x":2,"y":1},"mango":{"p":null,"q":[{"c":2,"d":1}]},"zebra":1}"#)
}

@Test("strings escape only quote, backslash and control characters; slashes and non-ASCII stay as they are")
func stringEscaping() throws {
    #expect(try text("a/b") == #""a/b""#)
    #expect(try text("\"\\\n\r\t\u{8}\u{c}\u{0}\u{1f}\u{7f}") == #""\"\\\n\r\t\b\f\u0000\u001f"# + "\u{7f}\"")
    #expect(try text("é中😀\u{2028}") == "\"é中😀\u{2028}\"")
    #expect(try PluginJSONEncoder().encode("é") == [0x22, 0xC3, 0xA9, 0x22])
}

@Test("numbers: integral doubles without fraction, shortest round-trip form otherwise, exact integers")
func numberFormatting() throws {
    #expect(try text([1.0, -0.0, 0.1, 1.5, 100, -3e15]) == "[1,-0,0.1,1.5,100,-3000000000000000]")
    #expect(try text([9_007_199_254_740_992.0, 1e16, 1e21, 1e-7, 5e-324]) == "[9007199254740992,1e+16,1e+21,1e-07,5e-324]")
    #expect(try text([Float(16_777_216), Float(1e20)]) == "[16777216,1e+20]")
    #expect(try text([Int.min, Int.max]) == "[-9223372036854775808,9223372036854775807]")
    #expect(try text([UInt64.max]) == "[18446744073709551615]")
    #expect(try text([Float(0.1), Float(2)]) == "[0.1,2]")
    #expect(try text(JSONValue.number(2.5)) == "2.5")
    #expect(try text(JSONValue.integer(-7)) == "-7")
}

@Test("NaN and infinities cannot be encoded")
func nonFiniteNumbersThrow() {
    #expect(throws: EncodingError.self) { try PluginJSONEncoder().encode([Double.nan]) }
    #expect(throws: EncodingError.self) { try PluginJSONEncoder().encode(["x": Double.infinity]) }
    #expect(throws: EncodingError.self) { try PluginJSONEncoder().encode(Float.infinity) }
    #expect(throws: EncodingError.self) { try JSONValue.number(-.infinity).serialized() }
}

@Test("compact output: no whitespace, empty containers, top-level scalars, omitted nils")
func compactOutput() throws {
    struct Sparse: Encodable {
        var a: Int? = nil
        var b: [Int] = []
        var c: [String: Int] = [:]
        var d: String? = "x"
    }
    struct Nothing: Encodable {}
    #expect(try text(Sparse()) == #"{"b":[],"c":{},"d":"x"}"#)
    #expect(try text(Nothing()) == "{}")
    #expect(try text("s") == #""s""#)
    #expect(try text(true) == "true")
    #expect(try text([Int?.none, 1]) == "[null,1]")
    #expect(try text(JSONValue.null) == "null")
}

@Test("a key written twice into one object appears once, with the last value")
func repeatedKeysKeepLastValue() throws {
    struct Twice: Encodable {
        enum Keys: String, CodingKey { case a, b }
        func encode(to encoder: any Encoder) throws {
            var first = encoder.container(keyedBy: Keys.self)
            try first.encode(1, forKey: .b)
            try first.encode(2, forKey: .a)
            var second = encoder.container(keyedBy: AnyCodingKey.self)
            try second.encode("again", forKey: AnyCodingKey("a"))
        }
    }
    #expect(try text(Twice()) == #"{"a":"again","b":1}"#)
}

@Test("a value that throws while encoding leaves the container usable when the error is caught")
func rollBackAfterThrow() throws {
    struct Careful: Encodable {
        enum Keys: String, CodingKey { case good, bad, after }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .good)
            try? container.encode(["x": [Double.nan]], forKey: .bad)
            try container.encode(2, forKey: .after)
        }
    }
    #expect(try text(Careful()) == #"{"after":2,"good":1}"#)
}

@Test("JSONValue.serialized writes the same bytes as PluginJSONEncoder")
func serializedMatchesEncoder() throws {
    let value: JSONValue = ["b": [1, 2.5, "x/y", nil, true], "a": ["c": [:]]]
    #expect(try value.serialized() == PluginJSONEncoder().encode(value))
    #expect(String(decoding: try value.serialized(), as: UTF8.self) == #"{"a":{"c":{}},"b":[1,2.5,"x/y",null,true]}"#)
}

@Test("encoding nesting deeper than maxDepth fails instead of overflowing the stack")
func encoderDepthLimit() throws {
    var value: JSONValue = 1
    for _ in 0..<600 { value = [value] }
    #expect(throws: EncodingError.self) { try PluginJSONEncoder().encode(value) }
    #expect(throws: EncodingError.self) { try value.serialized() }
    var shallow = PluginJSONEncoder()
    shallow.maxDepth = 1000
    #expect(try shallow.encode(value).count == 1201)
}
