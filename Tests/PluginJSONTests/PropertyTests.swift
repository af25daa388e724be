import Foundation
import Testing

@testable import PluginJSON

/// Random JSON values from a seeded generator: every kind of value, awkward strings and numbers.
struct RandomJSON {
    var random: SeededGenerator
    /// JSONSerialization drops U+FEFF from strings (erratically), so trees meant for it leave it out.
    var byteOrderMarks = true

    mutating func string() -> String {
        let pool: [Unicode.Scalar] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\u{0}", "\u{1f}", "\u{7f}", "é",
            "中", "😀", "\u{2028}", "\u{FEFF}", "\u{10FFFF}", "\u{D7FF}", "\u{E000}"]
        var text = String.UnicodeScalarView()
        for _ in 0..<Int(random.next() % 12) {
            let scalar = pool[Int(random.next() % UInt64(pool.count))]
            if byteOrderMarks || scalar != "\u{FEFF}" { text.append(scalar) }
        }
        return String(text)
    }

    mutating func value(depth: Int) -> JSONValue {
        let kind = depth > 5 ? random.next() % 5 : random.next() % 7
        switch kind {
        case 0: return .null
        case 1: return .bool(random.next() % 2 == 0)
        case 2: return .integer(Int64(bitPattern: random.next()) >> (random.next() % 64))
        case 3:
            let value = random.next() % 2 == 0
                ? Double(bitPattern: random.next()) : Double(Int64(bitPattern: random.next()) % 10_000) / 8
            return .number(value.isFinite ? value : 0.5)
        case 4: return .string(string())
        case 5: return .array((0..<Int(random.next() % 5)).map { _ in value(depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int(random.next() % 6) { members[string()] = value(depth: depth + 1) }
            return .object(members)
        }
    }
}

@Test("seeded random JSONValue trees survive serialize then parse, and serializing again gives the same bytes")
func randomTreesRoundTrip() throws {
    var generator = RandomJSON(random: SeededGenerator(seed: 2026))
    for _ in 0..<3_000 {
        let value = generator.value(depth: 0)
        let bytes = try value.serialized()
        let parsed = try JSONValue(parsing: bytes)
        #expect(parsed.normalized == value.normalized)
        #expect(try parsed.serialized() == bytes)
    }
}

@Test("seeded random trees written by PluginJSON read the same with JSONSerialization")
func randomTreesReadByFoundation() throws {
    var generator = RandomJSON(random: SeededGenerator(seed: 99), byteOrderMarks: false)
    for _ in 0..<1_000 {
        let value = generator.value(depth: 0)
        let bytes = try PluginJSONEncoder().encode(value)
        let theirs = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        #expect(sameMeaning(try JSONValue(parsing: bytes), theirs), "\(String(decoding: bytes, as: UTF8.self))")
    }
}

@Test("seeded random corruptions of valid documents never crash and either parse or throw DecodingError")
func randomCorruptionsAreHandled() throws {
    var generator = RandomJSON(random: SeededGenerator(seed: 5), byteOrderMarks: false)
    var random = SeededGenerator(seed: 6)
    var rejected = 0
    for _ in 0..<5_000 {
        var bytes = try generator.value(depth: 0).serialized()
        guard !bytes.isEmpty else { continue }
        for _ in 0..<Int(random.next() % 3) + 1 {
            let position = Int(random.next() % UInt64(bytes.count))
            switch random.next() % 3 {
            case 0: bytes[position] = UInt8(truncatingIfNeeded: random.next())
            case 1: bytes.remove(at: position)
            default: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
            }
            if bytes.isEmpty { break }
        }
        do {
            let parsed = try JSONValue(parsing: bytes)
            // Whatever parses must be valid for Foundation too and mean the same.
            let theirs = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            #expect(sameMeaning(parsed, theirs))
        } catch is DecodingError {
            rejected += 1
        }
    }
    #expect(rejected > 1_000)
}
