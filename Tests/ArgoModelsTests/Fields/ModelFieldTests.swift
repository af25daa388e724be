import Foundation
import Testing

@testable import ArgoModels

/// One source of truth per model member: for every model, each place a member must appear (its `CodingKeys`
/// case, `init(from:)`, `encode(to:)`, the direct-decode table, the direct writer) knows every member of the
/// model's full sample. A failure names the model, the member and the place, e.g. "the direct table of Template
/// lacks 'newField'".
@Suite("Model fields: every member in every place")
struct ModelFieldTests {
    @Test(
        "CodingKeys, init(from:), encode(to:), the direct table and the direct writer know every member",
        arguments: ModelFieldTable.all)
    func everyMemberEverywhere(_ entry: ModelFields) {
        for failure in entry.failures() {
            Issue.record("\(failure)")
        }
    }

    @Test("the table lists every model of Sources/ArgoModels")
    func everyModelListed() throws {
        let sources = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/ArgoModels")
        var declared: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            // `public struct Name: ..., Codable` (the conformance list may wrap onto the next line).
            for match in text.matches(of: /public struct (\w+)\s*:([^{]*)\{/) where match.2.contains("Codable") {
                declared.insert(String(match.1))
            }
        }
        #expect(declared.count > 30, "found \(declared.count) models under \(sources.path)")
        let listed = Set(ModelFieldTable.all.map(\.model))
        for missing in declared.subtracting(listed).subtracting(ModelFieldTable.singleValues).sorted() {
            Issue.record("\(missing) is a model of Sources/ArgoModels missing from ModelFieldTable")
        }
        for unknown in listed.subtracting(declared).sorted() {
            Issue.record("ModelFieldTable lists \(unknown), which is not a public Codable struct of Sources/ArgoModels")
        }
    }
}
