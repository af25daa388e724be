import Foundation
import Testing

@testable import PluginJSON

/// Valid documents, each read by `JSONValue(parsing:)` and by `JSONSerialization`.
let validCorpus: [String] = [
    "0", "-0", "1", "-1", "123456789", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
    "18446744073709551615", "99999999999999999999", "0.5", "-0.0", "1.0", "1e5", "1E5", "1e+5", "1e-5", "1.25e+3",
    "0.1", "0.30000000000000004", "1e22", "1e23", "9007199254740993", "2.2250738585072014e-308",
    "1.7976931348623157e308", "5e-324", "1e-400", "3.141592653589793238462643383279502884197",
    "123456789012345678901234567890", "0e0", "0E-0", "1e0001", "-1.5e-10",
    "true", "false", "null", #""""#, #""plain""#, #""a\"b\\c\/d\be\ff\ng\rh\ti""#, #""\u0000\u001f\u007f""#,
    #""\u00e9\u4e2d\ud83d\ude00""#, "\"é中😀\"", #""\uD834\uDD1E""#, "\"\u{10FFFF}\"",
    "[]", "{}", "[[]]", "[{}]", #"{"":""}"#, " \t\r\n[ 1 , 2 ]\n ", #"{"a" : { "b" : [ true , null ] } }"#,
    #"[1,"two",3.0,null,false,{"k":[]}]"#, #"{"a":1,"b":2,"A":3,"a ":4,"\u0061b":5}"#,
    #"{"key with \"quotes\"":"v","line\nbreak":"w"}"#,
    #"[""# + String(repeating: "long string ", count: 500) + #""]"#,
    "{" + (0..<100).map { #""k\#($0)":\#($0)"# }.joined(separator: ",") + "}",
    String(repeating: "[", count: 500) + String(repeating: "]", count: 500),
]

@Test("every document of the valid corpus reads the same as with JSONSerialization")
func validCorpusMatchesFoundation() throws {
    for text in validCorpus {
        let ours = try JSONValue(parsing: text)
        let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        #expect(sameMeaning(ours, theirs), "\(text.prefix(60))")
    }
}

@Test("a byte order mark inside a string is kept (JSONSerialization drops it)")
func byteOrderMarkInsideString() throws {
    #expect(try JSONValue(parsing: "\"\u{FEFF}x\"") == .string("\u{FEFF}x"))
}

@Test("integers that fit in 64 bits become .integer, everything else .number")
func integerAndNumberCases() throws {
    #expect(try JSONValue(parsing: "9223372036854775807") == .integer(.max))
    #expect(try JSONValue(parsing: "-9223372036854775808") == .integer(.min))
    #expect(try JSONValue(parsing: "9223372036854775808") == .number(9_223_372_036_854_775_808))
    #expect(try JSONValue(parsing: "1.0") == .number(1))
    #expect(try JSONValue(parsing: "1e2") == .number(100))
    #expect(try JSONValue(parsing: "-0.0") == .number(-0.0))
    #expect(try JSONValue(parsing: "[1,2.5]") == .array([.integer(1), .number(2.5)]))
}

@Test("escapes and surrogate pairs unescape to the right scalars")
func escapesUnescape() throws {
    #expect(try JSONValue(parsing: #""a\"b\\c\/d\be\ff\ng\rh\ti""#) == .string("a\"b\\c/d\u{8}e\u{c}f\ng\rh\ti"))
    #expect(try JSONValue(parsing: #""\u00e9\u4E2D\ud83d\ude00\u0000""#) == .string("é中😀\u{0}"))
    #expect(try JSONValue(parsing: #"{"\u0061":1}"#) == ["a": 1])
}

@Test("numbers parse to the same Double as the standard library, for seeded random spellings")
func numberParsingMatchesStandardLibrary() throws {
    var random = SeededGenerator(seed: 7)
    for _ in 0..<20_000 {
        var text = random.next() % 4 == 0 ? "-" : ""
        let integerDigits = Int(random.next() % 20)
        text += integerDigits == 0 ? "0" : String(Int(random.next() % 9) + 1)
        for _ in 0..<max(0, integerDigits - 1) { text += String(random.next() % 10) }
        if random.next() % 2 == 0 {
            text += "."
            for _ in 0..<Int(random.next() % 20) + 1 { text += String(random.next() % 10) }
        }
        if random.next() % 2 == 0 {
            text += ["e", "E", "e+", "e-"][Int(random.next() % 4)] + String(random.next() % 330)
        }
        let expected = Double(text)!
        guard expected.isFinite else {
            #expect(throws: DecodingError.self) { try JSONValue(parsing: text) }
            continue
        }
        let parsed = try JSONValue(parsing: text)
        let value: Double? =
            switch parsed {
            case .integer(let integer): Double(integer)
            case .number(let number): number
            default: nil
            }
        #expect(value == expected, "\(text)")
    }
}

@Test("random finite doubles survive write and read bit for bit")
func doublesRoundTripExactly() throws {
    var random = SeededGenerator(seed: 11)
    for _ in 0..<20_000 {
        let value = Double(bitPattern: random.next())
        guard value.isFinite else { continue }
        let text = try JSONValue.number(value).serialized()
        guard let parsed = try JSONValue(parsing: text).doubleValue else {
            Issue.record("not a number: \(value)")
            continue
        }
        #expect(parsed.bitPattern == value.bitPattern || (parsed == 0 && value == 0), "\(value)")
    }
}

@Test("the bench bodies read the same as with JSONSerialization")
func benchBodiesMatchFoundation() throws {
    for name in ["hello", "medium", "large", "preexec"] {
        let bytes = try BenchBodies.bytes(name)
        let ours = try JSONValue(parsing: bytes)
        let theirs = try JSONSerialization.jsonObject(with: Data(bytes))
        #expect(sameMeaning(ours, theirs), "\(name)")
    }
}
