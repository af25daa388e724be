import Foundation
import Testing

@testable import PluginJSON

enum Color: String, Codable, Equatable { case red, green }
enum Level: Int, Codable, Equatable { case low = 1, high = 9 }

/// Synthesized Codable of an enum with payloads uses nested keyed containers.
enum Shape: Codable, Equatable {
    case circle(radius: Double)
    case polygon(points: [[Int]], closed: Bool)
    case empty
}

struct Scalars: Codable, Equatable {
    var int = Int.min
    var int8 = Int8.max
    var int16 = Int16.min
    var int32 = Int32.max
    var int64 = Int64.min
    var uint = UInt.max
    var uint8 = UInt8.max
    var uint16 = UInt16.max
    var uint32 = UInt32.max
    var uint64 = UInt64.max
    var double = 0.1
    var float: Float = 3.25
    var bool = true
    var text = "tab\t quote\" slash/ é 😀 \u{0}"
}

struct Everything: Codable, Equatable {
    var name: String
    var scalars: Scalars
    var optionalPresent: Int?
    var optionalAbsent: String?
    var list: [String]
    var nested: [[Double]]
    var map: [String: Int]
    var intKeyed: [Int: String]
    var color: Color
    var level: Level
    var shapes: [Shape]
    var extra: JSONValue
    var date: Date
    var members: [String: JSONValue]
}

let everything = Everything(
    name: "all", scalars: Scalars(), optionalPresent: 5, optionalAbsent: nil, list: ["a", "", "c"],
    nested: [[1.5, -2], [], [1e300]], map: ["z": 1, "a": 2, "M": 3], intKeyed: [10: "ten", 2: "two"],
    color: .green, level: .high,
    shapes: [.circle(radius: 2), .polygon(points: [[0, 0], [1, 2]], closed: true), .empty],
    extra: ["k": [1, 2.5, nil, "s", ["deep": true]]], date: Date(timeIntervalSinceReferenceDate: 12345.5),
    members: ["n": nil, "o": [:]])

class Animal: Codable, Equatable {
    var name: String
    init(name: String) { self.name = name }
    static func == (a: Animal, b: Animal) -> Bool { a.name == b.name && type(of: a) == type(of: b) }
}

final class Dog: Animal {
    var goodBoy: Bool
    init(name: String, goodBoy: Bool) {
        self.goodBoy = goodBoy
        super.init(name: name)
    }
    enum CodingKeys: String, CodingKey { case goodBoy }
    required init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        goodBoy = try container.decode(Bool.self, forKey: .goodBoy)
        try super.init(from: container.superDecoder())
    }
    override func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(goodBoy, forKey: .goodBoy)
        try super.encode(to: container.superEncoder())
    }
    static func == (a: Dog, b: Dog) -> Bool { a.name == b.name && a.goodBoy == b.goodBoy }
}

@Test("a value decoded by PluginJSONDecoder equals the one JSONDecoder reads from the same text")
func decodeMatchesFoundation() throws {
    let text = try JSONEncoder().encode(everything)
    let ours = try PluginJSONDecoder().decode(Everything.self, from: text)
    let theirs = try JSONDecoder().decode(Everything.self, from: text)
    #expect(ours == theirs)
    #expect(ours == everything)
}

@Test("PluginJSONEncoder output reads back equal with JSONDecoder and with PluginJSONDecoder")
func encodeRoundTripsThroughBothDecoders() throws {
    let bytes = try PluginJSONEncoder().encode(everything)
    #expect(try JSONDecoder().decode(Everything.self, from: Data(bytes)) == everything)
    #expect(try PluginJSONDecoder().decode(Everything.self, from: bytes) == everything)
}

@Test("PluginJSONEncoder and JSONEncoder (sorted keys) write documents of the same meaning")
func encodeMatchesFoundationByMeaning() throws {
    let foundation = JSONEncoder()
    foundation.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let theirs = try JSONSerialization.jsonObject(with: foundation.encode(everything))
    let ours = try JSONValue(parsing: PluginJSONEncoder().encode(everything))
    #expect(sameMeaning(ours, theirs))
}

@Test("class hierarchies through superEncoder and superDecoder round-trip")
func superEncoderAndDecoder() throws {
    let dog = Dog(name: "Rex", goodBoy: true)
    let bytes = try PluginJSONEncoder().encode(dog)
    #expect(String(decoding: bytes, as: UTF8.self) == #"{"goodBoy":true,"super":{"name":"Rex"}}"#)
    #expect(try PluginJSONDecoder().decode(Dog.self, from: bytes) == dog)
    #expect(try JSONDecoder().decode(Dog.self, from: Data(bytes)) == dog)
}

@Test("null reads as nil for optionals and as .null inside JSONValue")
func nullHandling() throws {
    struct Holder: Codable, Equatable {
        var a: Int?
        var b: JSONValue?
        var c: [Int?]
        var d: JSONValue
    }
    let value = try PluginJSONDecoder().decode(Holder.self, from: utf8(#"{"a":null,"b":null,"c":[1,null],"d":null}"#))
    #expect(value == Holder(a: nil, b: nil, c: [1, nil], d: .null))
    #expect(value == (try JSONDecoder().decode(Holder.self, from: Data(#"{"a":null,"b":null,"c":[1,null],"d":null}"#.utf8))))
}

@Test("integers are read from integral numbers in any spelling and refused when they do not fit")
func integerConversions() throws {
    let decoder = PluginJSONDecoder()
    #expect(try decoder.decode(Int.self, from: utf8("1e2")) == 100)
    #expect(try decoder.decode(Int.self, from: utf8("-0")) == 0)
    #expect(try decoder.decode(UInt64.self, from: utf8("18446744073709551615")) == .max)
    #expect(try decoder.decode(Int64.self, from: utf8("-9223372036854775808")) == .min)
    #expect(try decoder.decode(Double.self, from: utf8("7")) == 7)
    #expect(decodingFailure { _ = try decoder.decode(Int.self, from: utf8("99999999999999999999")) }
        == "number 99999999999999999999 at the top level does not fit in Int")
    #expect(decodingFailure { _ = try decoder.decode(Int8.self, from: utf8("300")) }.contains("does not fit in Int8"))
    #expect(decodingFailure { _ = try decoder.decode(UInt.self, from: utf8("-1")) }.contains("does not fit in UInt"))
    #expect(decodingFailure { _ = try decoder.decode(Int.self, from: utf8("1.5")) }.contains("does not fit in Int"))
    #expect(decodingFailure { _ = try decoder.decode(Float.self, from: utf8("1e39")) }.contains("does not fit in Float"))
    #expect(decodingFailure { _ = try decoder.decode([Int].self, from: utf8("[1e400]")) }.contains("out of range"))
}

@Test("allKeys lists every member in document order and decodes unknown members")
func allKeysAndUnknownMembers() throws {
    struct Open: Decodable {
        var keys: [String]
        var rest: [String: JSONValue]
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyCodingKey.self)
            keys = container.allKeys.map(\.stringValue)
            rest = try (decoder as! any JSONMembersDecoder).jsonMembers(excluding: ["b"])
        }
    }
    let open = try PluginJSONDecoder().decode(Open.self, from: utf8(#"{"c":1,"b":{"x":[]},"a\u00e9":null}"#))
    #expect(open.keys == ["c", "b", "aé"])
    #expect(open.rest == ["c": 1, "aé": nil])
}

@Test("custom encoders may fill nested containers in any order")
func interleavedNestedContainers() throws {
    struct Interleaved: Encodable {
        enum Keys: String, CodingKey { case z, a, m, list }
        func encode(to encoder: any Encoder) throws {
            var root = encoder.container(keyedBy: Keys.self)
            var nested = root.nestedContainer(keyedBy: Keys.self, forKey: .m)
            var list = root.nestedUnkeyedContainer(forKey: .list)
            try root.encode(1, forKey: .z)
            try list.encode("first")
            try nested.encode(true, forKey: .z)
            var inner = list.nestedUnkeyedContainer()
            try root.encode("x", forKey: .a)
            try list.encode("third")
            try inner.encode(2)
            try nested.encode(false, forKey: .a)
        }
    }
    let text = String(decoding: try PluginJSONEncoder().encode(Interleaved()), as: UTF8.self)
    #expect(text == #"{"a":"x","list":["first",[2],"third"],"m":{"a":false,"z":true},"z":1}"#)
}

@Test("AnyCodingKey keeps text and index keys apart and fits an existential's inline buffer")
func anyCodingKeyStorage() {
    #expect(AnyCodingKey("1").stringValue == "1")
    #expect(AnyCodingKey("1").intValue == nil)
    #expect(AnyCodingKey(intValue: 1)?.stringValue == "1")
    #expect(AnyCodingKey(intValue: 1)?.intValue == 1)
    #expect(AnyCodingKey("1") != AnyCodingKey(intValue: 1))
    #expect(AnyCodingKey(stringValue: "a") == AnyCodingKey("a"))
    #expect(MemoryLayout<AnyCodingKey>.size <= 3 * MemoryLayout<Int>.size)
}

@Test("superDecoder for an absent key reads as null, like JSONDecoder")
func superDecoderForAbsentKey() throws {
    struct Probe: Decodable, Equatable {
        var optional: Int?
        var failure: String
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyCodingKey.self)
            let absent = try container.superDecoder(forKey: AnyCodingKey("missing"))
            optional = try Int?(from: absent)
            failure = decodingFailure { _ = try Int(from: absent) }
        }
    }
    let ours = try PluginJSONDecoder().decode(Probe.self, from: utf8("{}"))
    #expect(ours.optional == nil)
    #expect(ours.failure == "expected Int at missing but the key is absent")
    #expect(try JSONDecoder().decode(Probe.self, from: Data("{}".utf8)).optional == nil)
}
