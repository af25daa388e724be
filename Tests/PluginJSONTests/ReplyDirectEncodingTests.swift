import ArgoModels
import Testing

@testable import PluginJSON

/// The replies that write themselves (`JSONDirectEncodable`) must produce exactly the bytes of their `Encodable`
/// route under `PluginJSONEncoder`, including when they decline and fall back.
@Suite("Direct reply encoding")
struct ReplyDirectEncodingTests {
    /// Encodes `value` through its direct writer (when it has one) and through `encode(to:)`.
    static func bothRoutes<T: Encodable>(_ value: T) throws -> (direct: [UInt8], codable: [UInt8]) {
        var codable = PluginJSONEncoder()
        codable.usesDirectEncoding = false
        return (try PluginJSONEncoder().encode(value), try codable.encode(value))
    }

    /// Random replies over every member a reply can carry, with awkward strings.
    struct ReplyGenerator {
        var json: RandomJSON

        mutating func chance(_ percent: UInt64) -> Bool { json.random.next() % 100 < percent }
        mutating func text() -> String { json.string() }
        mutating func optionalText() -> String? { chance(50) ? text() : nil }

        mutating func parameter() -> ArgoModels.Parameter {
            var parameter = ArgoModels.Parameter(name: text())
            if chance(60) { parameter.value = AnyString(text()) }
            if chance(20) { parameter.default = AnyString(text()) }
            if chance(20) { parameter.description = AnyString(text()) }
            if chance(15) { parameter.enum = (0..<Int(json.random.next() % 3)).map { _ in AnyString(text()) } }
            if chance(15) { parameter.globalName = text() }
            if chance(5) { parameter.valueFrom = ValueFrom(path: text()) }
            if chance(5) { parameter.unknownFields = ["x-extra": json.value(depth: 3)] }
            return parameter
        }

        mutating func outputs() -> Outputs {
            var outputs = Outputs()
            if chance(70) { outputs.parameters = (0..<Int(json.random.next() % 4)).map { _ in parameter() } }
            if chance(5) { outputs.artifacts = [Artifact(name: text())] }
            outputs.result = optionalText()
            outputs.exitCode = optionalText()
            if chance(5) { outputs.unknownFields = [text(): json.value(depth: 3)] }
            return outputs
        }

        mutating func node() -> NodeResult {
            let phases: [NodePhase] = [.succeeded, .failed, .running, .pending, .error, .unknown(text())]
            var node = NodeResult()
            if chance(90) { node.phase = phases[Int(json.random.next() % UInt64(phases.count))] }
            node.message = optionalText()
            if chance(60) { node.outputs = outputs() }
            if chance(10) { node.progress = NodeProgress(rawValue: "\(json.random.next() % 9)/9") }
            if chance(5) { node.unknownFields = ["outputs2": .string(text())] }
            return node
        }

        mutating func executeReply() -> ExecuteTemplateReply {
            var reply = ExecuteTemplateReply()
            if chance(90) { reply.node = node() }
            if chance(30) { reply.requeue = .nanoseconds(Int64(json.random.next() % 100_000_000_000_000)) }
            if chance(5) { reply.unknownFields = ["zzz": json.value(depth: 4)] }
            return reply
        }
    }

    @Test("template.execute and node.preExecute replies: the direct route writes the Encodable route's bytes")
    func generatedReplies() throws {
        var generator = ReplyGenerator(json: RandomJSON(random: SeededGenerator(seed: 0xD12EC7)))
        for _ in 0..<3_000 {
            let reply = generator.executeReply()
            let (direct, codable) = try Self.bothRoutes(reply)
            #expect(direct == codable, "\(String(decoding: codable, as: UTF8.self))")
            let hook = NodePreExecuteReply(node: reply.node)
            let (hookDirect, hookCodable) = try Self.bothRoutes(hook)
            #expect(hookDirect == hookCodable, "\(String(decoding: hookCodable, as: UTF8.self))")
        }
    }

    @Test("the SDK's own replies take the direct route and read back equal")
    func builtReplies() throws {
        let replies: [ExecuteTemplateReply] = [
            .succeeded(message: "Hello template!", outputs: Outputs().parameter("foo", "bar")),
            .failed("bad \"input\"\n\u{1}"),
            ExecuteTemplateReply(node: NodeResult(phase: .running, message: "waiting"), requeue: .seconds(30)),
            .notMine,
        ]
        for reply in replies {
            let (direct, codable) = try Self.bothRoutes(reply)
            #expect(direct == codable)
            #expect(try PluginJSONDecoder().decode(ExecuteTemplateReply.self, from: direct) == reply)
        }
        let hello = try PluginJSONEncoder().encode(replies[0])
        #expect(
            String(decoding: hello, as: UTF8.self)
                == #"{"node":{"message":"Hello template!","outputs":{"parameters":[{"name":"foo","value":"bar"}]},"phase":"Succeeded"}}"#)
    }

    @Test("a reply the direct route declines (unknown fields, artifacts) is written by the Encodable route")
    func declined() throws {
        var reply = ExecuteTemplateReply.succeeded(message: "m")
        reply.node?.outputs = Outputs(artifacts: [Artifact(name: "a")])
        var writer = JSONDirectWriter(capacity: 16)
        #expect(!reply.writeJSON(to: &writer))
        let (direct, codable) = try Self.bothRoutes(reply)
        #expect(direct == codable)
        #expect(String(decoding: direct, as: UTF8.self).contains(#""artifacts":[{"name":"a"}]"#))
    }
}
