import Foundation
import Testing

@testable import ArgoModels

/// Random valid instances survive encode → decode unchanged. Seeds are fixed, so failures reproduce.
@Suite("Property: random instances round-trip")
struct PropertyTests {
    static let seeds: [UInt64] = Array(1...200)

    func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: try Fixtures.encoder().encode(value))
    }

    @Test("Random template.execute requests and replies survive a round trip", arguments: seeds)
    func executorMessages(seed: UInt64) throws {
        var arbitrary = Arbitrary(seed: seed)
        let args = ExecuteTemplateArgs(
            workflow: arbitrary.workflow(), template: arbitrary.template(), unknownFields: arbitrary.unknownFields()
        )
        #expect(try roundTrip(args) == args)
        let reply = ExecuteTemplateReply(
            node: arbitrary.maybe { $0.nodeResult() }, requeue: arbitrary.maybe { $0.duration() },
            unknownFields: arbitrary.unknownFields()
        )
        #expect(try roundTrip(reply) == reply)
    }

    @Test("Random controller hook requests survive a round trip", arguments: seeds)
    func controllerMessages(seed: UInt64) throws {
        var arbitrary = Arbitrary(seed: seed)
        let pre = NodePreExecuteArgs(
            workflow: arbitrary.workflow(), template: arbitrary.template(), node: arbitrary.nodeStatus()
        )
        #expect(try roundTrip(pre) == pre)
        let post = NodePostExecuteArgs(
            workflow: arbitrary.maybe { $0.workflow() }, template: arbitrary.maybe { $0.template() },
            old: arbitrary.maybe { $0.nodeStatus() }, new: arbitrary.maybe { $0.nodeStatus() }
        )
        #expect(try roundTrip(post) == post)
        let operate = WorkflowPostOperateArgs(old: arbitrary.workflow(), new: arbitrary.workflow())
        #expect(try roundTrip(operate) == operate)
        let parameters = ParameterPreSubstitutionReply(parameters: arbitrary.map { $0.string() })
        #expect(try roundTrip(parameters) == parameters)
    }

    @Test("Every Go duration formats to text that parses back to the same duration", arguments: seeds)
    func durationTextRoundTrips(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var values: [Int64] = [.min, .max, 0, 1, -1, 999, 1_000, 999_999_999, 1_000_000_000, 59_999_999_999]
        for _ in 0..<50 {
            // Spread over magnitudes: nanoseconds to centuries.
            let bits = Int.random(in: 0...62, using: &random)
            values.append(Int64.random(in: -(1 << bits)...((1 << bits) - 1), using: &random))
        }
        for nanoseconds in values {
            let text = GoDuration(nanoseconds: nanoseconds).description
            #expect(try GoDuration(parsing: text).nanoseconds == nanoseconds, "\(text)")
        }
    }
}
