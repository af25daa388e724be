import ArgoModels
import Foundation
import Testing

@Suite("Value types")
struct ValueTypeTests {
    @Test(
        "Durations format as Go's Duration.String()",
        arguments: [
            (Int64(0), "0s"), (30_000_000_000, "30s"), (90_000_000_000, "1m30s"), (3_600_000_000_000, "1h0m0s"),
            (1_500_000_000, "1.5s"), (300_000_000, "300ms"), (2_000, "2µs"), (5, "5ns"), (-1_000_000_000, "-1s"),
            (3_723_500_000_000, "1h2m3.5s"), (1_500, "1.5µs"), (100_000_000_001, "1m40.000000001s"),
        ] as [(Int64, String)]
    )
    func formatsLikeGo(nanoseconds: Int64, text: String) {
        #expect(GoDuration(nanoseconds: nanoseconds).description == text)
    }

    @Test(
        "Durations parse every Go form",
        arguments: [
            ("1h2m3.5s", Int64(3_723_500_000_000)), ("300ms", 300_000_000), ("1.5h", 5_400_000_000_000),
            ("2us", 2_000), ("2µs", 2_000), ("2μs", 2_000), ("5ns", 5), ("-1s", -1_000_000_000), ("0", 0),
            ("+5s", 5_000_000_000), (".5s", 500_000_000), ("1.s", 1_000_000_000), ("1m30s", 90_000_000_000),
        ] as [(String, Int64)]
    )
    func parsesLikeGo(text: String, nanoseconds: Int64) throws {
        #expect(try GoDuration(parsing: text).nanoseconds == nanoseconds)
    }

    @Test("Strings Go rejects are not durations", arguments: ["", "5", "s", "1x", "-", ".s", "1h 2m", "1e3s"])
    func rejectsNonDurations(text: String) {
        #expect(throws: GoDurationParseError.self) { try GoDuration(parsing: text) }
    }

    @Test("Durations convert to and from Swift durations")
    func convertsSwiftDuration() {
        #expect(GoDuration.minutes(2).swiftDuration == .seconds(120))
        #expect(GoDuration(.milliseconds(1500)) == .seconds(1.5))
        #expect(GoDuration(seconds: 0.25).description == "250ms")
    }

    @Test("AnyString reads numbers and Booleans as Go prints them and writes strings")
    func anyStringDecodesScalars() throws {
        let decoded = try JSONDecoder().decode([AnyString].self, from: Data(#"["a", 3, 1.5, true, -0.25, 1e21]"#.utf8))
        #expect(decoded.map(\.string) == ["a", "3", "1.5", "true", "-0.25", "1000000000000000000000"])
        #expect(try Fixtures.json(decoded) == #"["a","3","1.5","true","-0.25","1000000000000000000000"]"#)
    }

    @Test("IntOrString keeps integers and strings apart")
    func intOrString() throws {
        let decoded = try JSONDecoder().decode(
            [IntOrString].self, from: Data(#"[300, "{{inputs.parameters.d}}"]"#.utf8))
        #expect(decoded == [.int(300), .string("{{inputs.parameters.d}}")])
        #expect(try Fixtures.json(decoded) == #"[300,"{{inputs.parameters.d}}"]"#)
    }

    @Test("Unknown node phases survive a round trip and are not terminal")
    func unknownPhase() throws {
        let decoded = try JSONDecoder().decode([NodePhase].self, from: Data(#"["Succeeded","Paused"]"#.utf8))
        #expect(decoded == [.succeeded, .unknown("Paused")])
        #expect(try Fixtures.json(decoded) == #"["Succeeded","Paused"]"#)
        #expect(!NodePhase.unknown("Paused").isTerminal)
        #expect(NodePhase.allCases.filter(\.isTerminal) == [.succeeded, .skipped, .failed, .error, .omitted])
    }

    @Test("NodeProgress reads N and M and applies Argo's validity rule")
    func progress() {
        #expect(NodeProgress(completed: 1, total: 4).rawValue == "1/4")
        #expect(NodeProgress("3/4").completed == 3)
        #expect(!NodeProgress("0/0").isValid)
        #expect(!NodeProgress("5/4").isValid)
        #expect(NodeProgress("garbage").total == nil)
    }
}
