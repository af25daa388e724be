import Foundation
import Testing

/// The fuzz harness, built without libFuzzer, replays the committed seed corpus and every regression input.
@Suite("Fuzz corpus")
struct FuzzCorpusTests {
    @Test("every seed and regression input in Fuzz/ keeps the harness's invariants")
    func replay() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let fuzz = root.appendingPathComponent("Fuzz")
        let binary = PluginProcess.productsDirectory.appendingPathComponent("PluginFuzz")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build with `swift build --build-tests`")
        let arguments = [fuzz.appendingPathComponent("corpus").path, fuzz.appendingPathComponent("regressions").path]
        // The replay takes a while: run it off the cooperative pool.
        let (status, text) = try await blocking { () -> (Int32, String) in
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        #expect(status == 0, "\(text.suffix(2000))")
        #expect(text.contains("every invariant held"))
        let seeds = try FileManager.default.contentsOfDirectory(atPath: fuzz.appendingPathComponent("corpus").path)
        #expect(seeds.count >= 30)
    }
}
