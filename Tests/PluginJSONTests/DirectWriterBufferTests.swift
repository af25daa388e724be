import ArgoModels
import Testing

@testable import PluginJSON

/// The direct writer's own buffer: growing from a tiny first block, long strings, every escape.
@Suite("Direct writer buffer")
struct DirectWriterBufferTests {
    /// Every control character, quotes and backslashes between plain runs, repeated past several doublings.
    static let awkward: String = {
        var text = ""
        for round in 0..<400 {
            text += "run \(round) \"quoted\" back\\slash é ✓ "
            text += String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)
        }
        return text
    }()

    @Test("a writer that starts at 16 bytes grows to a long reply and writes the Encodable route's bytes")
    func growsFromTinyBuffer() throws {
        let outputs = Outputs(
            parameters: (0..<50).map { ArgoModels.Parameter(name: "p\($0)", value: AnyString(Self.awkward)) })
        let reply = ExecuteTemplateReply.succeeded(message: Self.awkward, outputs: outputs)
        var writer = JSONDirectWriter(capacity: 16)
        #expect(reply.writeJSON(to: &writer))
        var codable = PluginJSONEncoder()
        codable.usesDirectEncoding = false
        let expected = try codable.encode(reply)
        #expect(writer.bytes == expected)
        #expect(expected.count > 900_000)
    }

    @Test("integers, Booleans, empty strings and empty containers through the direct writer")
    func scalars() {
        var writer = JSONDirectWriter(capacity: 16)
        writer.beginArray()
        writer.integer(0)
        writer.integer(-9_223_372_036_854_775_807)
        writer.integer(Int.max)
        writer.bool(true)
        writer.bool(false)
        writer.string("")
        writer.beginObject()
        writer.endObject()
        writer.beginArray()
        writer.endArray()
        writer.endArray()
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text == #"[0,-9223372036854775807,9223372036854775807,true,false,"",{},[]]"#)
    }
}
