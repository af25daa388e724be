import Foundation
import Testing

@testable import ArgoModels
@testable import PluginJSON

/// Models with a member forgotten in one place each: the field checks must name the model, the member and the
/// place. (What `ModelFieldTests` would say about a real model in the same state.)
@Suite("The field checks name each forgotten place")
struct FieldChecksTests {
    /// `extra` has no CodingKeys case; the case `stale` names no property.
    struct LacksCodingKey: Codable, Equatable {
        var name: String?
        var extra: String?
        enum CodingKeys: String, CodingKey, CaseIterable { case name, stale }
        init(name: String?, extra: String?) {
            self.name = name
            self.extra = extra
        }
        init(from decoder: any Decoder) throws {
            name = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .name)
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(name, forKey: .name)
        }
    }

    /// `init(from:)` skips `second`, or `encode(to:)` does.
    struct HalfCoded: Codable, Equatable {
        var first: String?
        var second: String?
        var decodesSecond = true
        var encodesSecond = true
        enum CodingKeys: String, CodingKey, CaseIterable { case first, second }
        init(first: String?, second: String?, decodesSecond: Bool, encodesSecond: Bool) {
            self.first = first
            self.second = second
            self.decodesSecond = decodesSecond
            self.encodesSecond = encodesSecond
        }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            first = try container.decodeIfPresent(String.self, forKey: .first)
            // Whether to read `second` travels in the JSON of `first`, so one type can play both mistakes.
            decodesSecond = first != "skip-decode"
            if decodesSecond { second = try container.decodeIfPresent(String.self, forKey: .second) }
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(first, forKey: .first)
            if encodesSecond { try container.encodeIfPresent(second, forKey: .second) }
        }
    }

    /// Its direct table names `name` but not `extra`, which lands in `unknownFields`.
    struct LacksDirectEntry: Codable, Equatable, JSONDirectDecodable {
        var name: String?
        var extra: String?
        var unknownFields: [String: JSONValue] = [:]
        enum CodingKeys: String, LosslessCodingKeys { case name, extra }
        static let knownKeys = CodingKeys.makeKnownKeys()
        init(name: String?, extra: String?) {
            self.name = name
            self.extra = extra
        }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decodeIfPresent(String.self, forKey: .name)
            extra = try container.decodeIfPresent(String.self, forKey: .extra)
            unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(name, forKey: .name)
            try container.encodeIfPresent(extra, forKey: .extra)
            try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
        }
        init?(directJSON object: JSONTapeValue) {
            var value = LacksDirectEntry(name: nil, extra: nil)
            let complete = object.forEachMember { key, member in
                if key.is("name") { return member.fill(&value.name) }
                return member.keep(as: key, in: &value.unknownFields)
            }
            guard complete else { return nil }
            self = value
        }
    }

    /// Its direct writer writes `alpha` but forgets `beta`.
    struct LacksWriterEntry: Codable, Equatable, JSONDirectEncodable {
        var alpha: String?
        var beta: String?
        func writeJSON(to writer: inout JSONDirectWriter) -> Bool {
            writer.beginObject()
            writer.member("alpha", alpha)
            writer.endObject()
            return true
        }
    }

    @Test("a stored property without a CodingKeys case, and a case without a property")
    func codingKeys() {
        let failures = FieldChecks.codingKeys(
            "LacksCodingKey", sample: LacksCodingKey(name: "n", extra: "e"), cases: ["name", "stale"])
        #expect(
            failures == [
                "CodingKeys of LacksCodingKey lacks 'extra' (a stored property, never decoded or encoded)",
                "CodingKeys of LacksCodingKey has 'stale', which is not a stored property of LacksCodingKey",
            ])
    }

    @Test("a sample that leaves a member nil")
    func incompleteSample() {
        #expect(
            FieldChecks.fullSample("NodeResult", sample: NodeResult(phase: .failed, message: "m"))
                == [
                    "the sample of NodeResult leaves 'outputs' nil: set it in Samples so the field checks cover it",
                    "the sample of NodeResult leaves 'progress' nil: set it in Samples so the field checks cover it",
                ])
    }

    @Test("a member init(from:) does not read, and one encode(to:) does not write")
    func codable() {
        let skipsDecoding = HalfCoded(first: "skip-decode", second: "s", decodesSecond: true, encodesSecond: true)
        #expect(
            FieldChecks.codableRoundTrip("HalfCoded", sample: skipsDecoding, keys: ["first", "second"])
                == ["init(from:) of HalfCoded does not read 'second'"])
        let skipsEncoding = HalfCoded(first: "f", second: "s", decodesSecond: true, encodesSecond: false)
        #expect(
            FieldChecks.codableRoundTrip("HalfCoded", sample: skipsEncoding, keys: ["first", "second"]).first
                == "encode(to:) of HalfCoded does not write 'second'")
    }

    @Test("a member the direct table does not name lands in unknownFields and is named")
    func directTable() {
        #expect(
            FieldChecks.directDecoding("LacksDirectEntry", sample: LacksDirectEntry(name: "n", extra: "e"))
                == ["the direct table of LacksDirectEntry lacks 'extra'"])
    }

    @Test("a member the direct writer does not write is named")
    func directWriter() {
        let sample = LacksWriterEntry(alpha: "a", beta: "b")
        #expect(
            FieldChecks.directWriting("LacksWriterEntry", sample: sample, writerSample: sample, declined: [])
                == [
                    "the direct writer of LacksWriterEntry lacks 'beta'",
                    "LacksWriterEntry: the encoder's bytes for the full sample differ from encode(to:)'s",
                ])
    }

    @Test("the real models pass, so the checks above are the only way to fail")
    func realModelsPass() {
        #expect(ModelFieldTable.all.allSatisfy { $0.failures().isEmpty })
    }
}
