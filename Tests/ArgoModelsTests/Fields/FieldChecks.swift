import Foundation
import Testing

@testable import ArgoModels
@testable import PluginJSON

/// The checks behind `ModelFieldTests`: each returns one line per place a model's member was forgotten, naming
/// the model, the member and the place, so a failing test says what to add where.
///
/// A member of a model lives in several places: the stored property, its `CodingKeys` case, `init(from:)`,
/// `encode(to:)`, and for the hot request and reply types the direct-decode table (`RequestDirectDecoding.swift`)
/// and the direct writer (`ReplyDirectEncoding.swift`). Forgetting the direct table is silent otherwise: the member
/// lands in `unknownFields` and the typed property reads `nil`.
enum FieldChecks {
    // MARK: Stored properties and CodingKeys

    /// The stored properties of `value` (from `Mirror`), without `unknownFields`.
    static func properties(of value: Any) -> [String] {
        Mirror(reflecting: value).children.compactMap(\.label).filter { $0 != "unknownFields" }
    }

    /// Every stored property but `unknownFields` has a `CodingKeys` case of the same name, and every case names a
    /// stored property.
    static func codingKeys(_ model: String, sample: Any, cases: [String]) -> [String] {
        let stored = properties(of: sample)
        var failures: [String] = []
        for property in stored where !cases.contains(property) {
            failures.append("CodingKeys of \(model) lacks '\(property)' (a stored property, never decoded or encoded)")
        }
        for name in cases where !stored.contains(name) {
            failures.append("CodingKeys of \(model) has '\(name)', which is not a stored property of \(model)")
        }
        return failures
    }

    /// The optional stored properties `value` leaves `nil`, but for `allowed`.
    static func unsetMembers(of value: Any, allowing allowed: Set<String> = []) -> [String] {
        Mirror(reflecting: value).children.compactMap { child in
            guard let label = child.label, label != "unknownFields", !allowed.contains(label) else { return nil }
            let member = Mirror(reflecting: child.value)
            return member.displayStyle == .optional && member.children.isEmpty ? label : nil
        }
    }

    /// The sample sets every member, so the other checks cover every member.
    static func fullSample(_ model: String, sample: Any) -> [String] {
        unsetMembers(of: sample).map {
            "the sample of \(model) leaves '\($0)' nil: set it in Samples so the field checks cover it"
        }
    }

    // MARK: Codable

    /// The members of the JSON object `bytes`, or `nil` when they are not one.
    static func object(_ bytes: [UInt8]) -> [String: JSONValue]? {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)))?.objectValue
    }


    /// The `unknownFields` of a model value, if it has any.
    static func unknownFields(of value: Any) -> [String: JSONValue] {
        Mirror(reflecting: value).children.first { $0.label == "unknownFields" }?.value as? [String: JSONValue] ?? [:]
    }

    /// Foundation's encoder, sorted keys: the `Encodable` route with a coder other than the SDK's.
    static func foundationBytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// The full sample survives `encode(to:)` then `init(from:)` (Foundation's coder) with every member in place
    /// and nothing in `unknownFields`.
    static func codableRoundTrip<T: Codable & Equatable>(_ model: String, sample: T, keys: [String]) -> [String] {
        guard let written = (try? foundationBytes(sample)).flatMap(object) else {
            return ["\(model) does not encode its sample to a JSON object"]
        }
        // A member the sample leaves nil is written by nobody; `fullSample` reports it.
        let unset = Set(unsetMembers(of: sample))
        var failures = keys.filter { written[$0] == nil && !unset.contains($0) }.map {
            "encode(to:) of \(model) does not write '\($0)'"
        }
        let decoded: T
        do {
            decoded = try JSONDecoder().decode(T.self, from: Data(try foundationBytes(sample)))
        } catch {
            return failures + ["init(from:) of \(model) cannot read its own encoding: \(error)"]
        }
        for key in unknownFields(of: decoded).keys.sorted() {
            failures.append("init(from:) of \(model) keeps the typed member '\(key)' in unknownFields")
        }
        let rewritten = (try? foundationBytes(decoded)).flatMap(object) ?? [:]
        for key in keys.sorted() where written[key] != nil && rewritten[key] != written[key] {
            failures.append(
                rewritten[key] == nil
                    ? "init(from:) of \(model) does not read '\(key)'"
                    : "'\(key)' of \(model) reads back differently after encode(to:) and init(from:)")
        }
        if failures.isEmpty && decoded != sample {
            failures.append("\(model) changes in an encode(to:)/init(from:) round trip")
        }
        return failures
    }

    // MARK: Direct decoding

    /// For a type with a direct-decode table: decoding the sample's JSON through the table gives what
    /// `init(from:)` gives, with nothing left in `unknownFields`.
    static func directDecoding<T: Codable & Equatable>(_ model: String, sample: T) -> [String] {
        guard let directType = T.self as? any JSONDirectDecodable.Type else { return [] }
        do {
            var plain = PluginJSONEncoder()
            plain.usesDirectEncoding = false
            let bytes = try plain.encode(sample)
            let storage = TapeStorage(tape: try JSONTape(parsing: bytes, maxDepth: 512), userInfo: [:])
            guard let direct = directType.init(directJSON: JSONTapeValue(storage: storage, index: 0)) as? T else {
                return ["the direct table of \(model) declines the sample: a member it names does not decode directly"]
            }
            var failures = unknownFields(of: direct).keys.sorted().map { "the direct table of \(model) lacks '\($0)'" }
            var codableDecoder = PluginJSONDecoder()
            codableDecoder.usesDirectDecoding = false
            let codable = try codableDecoder.decode(T.self, from: bytes)
            if direct != codable {
                let directMembers = (try? plain.encode(direct)).flatMap(object) ?? [:]
                let codableMembers = (try? plain.encode(codable)).flatMap(object) ?? [:]
                for key in Set(directMembers.keys).union(codableMembers.keys).sorted()
                where directMembers[key] != codableMembers[key] && unknownFields(of: direct)[key] == nil {
                    failures.append("the direct table of \(model) reads '\(key)' differently from init(from:)")
                }
                if failures.isEmpty { failures.append("the direct table of \(model) differs from init(from:)") }
            }
            return failures
        } catch {
            return ["\(model): the direct-decoding check could not run: \(error)"]
        }
    }

    // MARK: Direct writing

    /// For a type that writes itself: on `writerSample` (the full sample less the members its writer declines,
    /// `declined`) the writer writes, and its bytes are those of `encode(to:)`. On the full sample, whatever
    /// route the encoder takes, the bytes are the same too.
    static func directWriting<T: Codable & Equatable>(
        _ model: String, sample: T, writerSample: T?, declined: Set<String>
    ) -> [String] {
        guard sample is any JSONDirectEncodable else { return [] }
        guard let writerSample, let writable = writerSample as? any JSONDirectEncodable else {
            return ["\(model) writes itself: its entry needs a writer sample"]
        }
        var failures = unsetMembers(of: writerSample, allowing: declined).map {
            "the writer sample of \(model) leaves '\($0)' nil (only members its writer declines may be nil)"
        }
        var plain = PluginJSONEncoder()
        plain.usesDirectEncoding = false
        do {
            var writer = JSONDirectWriter(capacity: 256)
            guard writable.writeJSON(to: &writer) else {
                return failures + ["the direct writer of \(model) declines its writer sample"]
            }
            let codable = try plain.encode(writerSample)
            if writer.bytes != codable {
                let direct = object(writer.bytes) ?? [:]
                let expected = object(codable) ?? [:]
                for key in Set(direct.keys).union(expected.keys).sorted() where direct[key] != expected[key] {
                    if direct[key] == nil {
                        failures.append("the direct writer of \(model) lacks '\(key)'")
                    } else if expected[key] == nil {
                        failures.append("the direct writer of \(model) writes '\(key)', which encode(to:) does not")
                    } else {
                        failures.append("the direct writer of \(model) writes '\(key)' differently from encode(to:)")
                    }
                }
                if direct == expected {
                    failures.append("the direct writer of \(model) writes its members out of key order")
                }
            }
            if try PluginJSONEncoder().encode(sample) != plain.encode(sample) {
                failures.append("\(model): the encoder's bytes for the full sample differ from encode(to:)'s")
            }
        } catch {
            failures.append("\(model): the direct-writing check could not run: \(error)")
        }
        return failures
    }
}
