import ArgoModels
import Foundation
import Testing

@testable import PluginJSON

/// The request objects that build themselves (`JSONDirectDecodable`) must give exactly what `init(from:)` gives:
/// the same value for every input it accepts, and the same error (by falling back) for every input it does not.
@Suite("Direct request decoding")
struct RequestDirectDecodingTests {
    static let modelBodies = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ArgoModelsTests/Resources/bodies")

    /// Both routes' outcome for one body: the value, or the error's description.
    static func bothRoutes<T: Decodable & Equatable>(_ type: T.Type, _ body: [UInt8]) -> (Outcome<T>, Outcome<T>) {
        var codable = PluginJSONDecoder()
        codable.usesDirectDecoding = false
        func outcome(_ decoder: PluginJSONDecoder) -> Outcome<T> {
            do { return .value(try decoder.decode(T.self, from: body)) } catch { return .error("\(error)") }
        }
        return (outcome(PluginJSONDecoder()), outcome(codable))
    }

    /// Every value replaced, one at a time, by generated JSON (nulls, wrong types, objects, awkward strings), plus
    /// members added with plain and escaped keys.
    static func mutations(of body: [UInt8], count: Int, seed: UInt64) throws -> [[UInt8]] {
        var random = RandomJSON(random: SeededGenerator(seed: seed))
        let original = try JSONValue(parsing: body)
        func paths(_ value: JSONValue, _ prefix: [JSONPathStep]) -> [[JSONPathStep]] {
            switch value {
            case .object(let members):
                return [prefix] + members.flatMap { paths($0.value, prefix + [.key($0.key)]) }
            case .array(let elements):
                return [prefix] + elements.enumerated().flatMap { paths($0.element, prefix + [.index($0.offset)]) }
            default:
                return [prefix]
            }
        }
        let all = paths(original, [])
        var bodies: [[UInt8]] = []
        for _ in 0..<count {
            let path = all[Int(random.random.next() % UInt64(all.count))]
            var mutated = original
            switch random.random.next() % 4 {
            case 0: mutated.replace(at: path, with: .null)
            case 1: mutated.replace(at: path, with: random.value(depth: 4))
            case 2: mutated.addMember(at: path, key: random.string(), value: random.value(depth: 4))
            default:
                // An escaped spelling of a typed key ("n\u0061me"): `init(from:)` reads it as the key.
                mutated.addMember(at: path, key: "name", value: .string("escaped"))
                bodies.append(Array(String(decoding: try mutated.serialized(), as: UTF8.self)
                    .replacingOccurrences(of: #""name":"escaped""#, with: #""n\u0061me":"escaped""#).utf8))
                continue
            }
            bodies.append(try mutated.serialized())
        }
        return bodies
    }

    @Test("bench and contract bodies decode to equal values on both routes")
    func bodies() throws {
        for name in ["hello", "medium", "large"] {
            let (direct, codable) = Self.bothRoutes(ExecuteTemplateArgs.self, try BenchBodies.bytes(name))
            #expect(direct == codable)
            #expect(direct.isValue)
        }
        let (direct, codable) = Self.bothRoutes(NodePreExecuteArgs.self, try BenchBodies.bytes("preexec"))
        #expect(direct == codable)
        #expect(direct.isValue)
        for name in ["docs-execute", "hello", "medium", "large"] {
            let body = [UInt8](try Data(contentsOf: Self.modelBodies.appendingPathComponent("\(name).json")))
            let (direct, codable) = Self.bothRoutes(ExecuteTemplateArgs.self, body)
            #expect(direct == codable, "\(name)")
        }
    }

    @Test("mutated bodies: the direct route never accepts what init(from:) refuses, nor decodes it differently")
    func mutated() throws {
        var checked = 0
        for (index, name) in ["hello", "medium", "preexec"].enumerated() {
            for body in try Self.mutations(of: try BenchBodies.bytes(name), count: 700, seed: 0xBEEF + UInt64(index)) {
                if name == "preexec" {
                    let (direct, codable) = Self.bothRoutes(NodePreExecuteArgs.self, body)
                    #expect(direct == codable, "\(String(decoding: body, as: UTF8.self))")
                } else {
                    let (direct, codable) = Self.bothRoutes(ExecuteTemplateArgs.self, body)
                    #expect(direct == codable, "\(String(decoding: body, as: UTF8.self))")
                }
                checked += 1
            }
        }
        #expect(checked == 2_100)
    }
}

/// What decoding gave: a value or an error's description.
enum Outcome<T: Equatable>: Equatable {
    case value(T)
    case error(String)

    var isValue: Bool {
        if case .value = self { return true }
        return false
    }
}

/// A step in a path through a `JSONValue`.
enum JSONPathStep {
    case key(String)
    case index(Int)
}

extension JSONValue {
    /// Replaces the value at `path`.
    mutating func replace(at path: [JSONPathStep], with replacement: JSONValue) {
        guard let first = path.first else {
            self = replacement
            return
        }
        let rest = Array(path.dropFirst())
        switch (self, first) {
        case (.object(var members), .key(let key)):
            members[key]?.replace(at: rest, with: replacement)
            self = .object(members)
        case (.array(var elements), .index(let index)) where elements.indices.contains(index):
            elements[index].replace(at: rest, with: replacement)
            self = .array(elements)
        default:
            break
        }
    }

    /// Adds (or overwrites) member `key` in the object at `path`; does nothing if that is not an object.
    mutating func addMember(at path: [JSONPathStep], key: String, value: JSONValue) {
        guard let first = path.first else {
            if case .object(var members) = self {
                members[key] = value
                self = .object(members)
            }
            return
        }
        let rest = Array(path.dropFirst())
        switch (self, first) {
        case (.object(var members), .key(let name)):
            members[name]?.addMember(at: rest, key: key, value: value)
            self = .object(members)
        case (.array(var elements), .index(let index)) where elements.indices.contains(index):
            elements[index].addMember(at: rest, key: key, value: value)
            self = .array(elements)
        default:
            break
        }
    }
}
