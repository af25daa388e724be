import Foundation
import Testing

/// The built `HelloControllerPlugin` binary, as an operator meets it.
@Suite("HelloControllerPlugin --help")
struct HelloControllerHelpTests {
    @Test("names the binary and shows the port main.swift configured (4356), not the SDK's 4355")
    func help() async throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("HelloControllerPlugin")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build with --build-tests first")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--help"]
        // A crash must fail the test, not hang it: Swift's backtracer inherits stdout and has been seen to wait
        // forever, so the read below would never reach the end.
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("USAGE: HelloControllerPlugin"), "\(text)")
        #expect(text.contains("(default: 4356)"), "\(text)")
        #expect(!text.contains("4355"), "\(text)")
        #expect(text.contains("ARGO_PLUGIN_PORT"))
    }
}
