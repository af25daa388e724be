import Foundation
import Synchronization

/// Runs a program to completion off the cooperative pool and captures its output.
struct Command {
    struct Outcome: Sendable {
        var status: Int32
        var output: String
        var errors: String
    }

    /// This package's built products (next to the test bundle).
    static var products: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// The repository root.
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs `argo-plugin` with `arguments`.
    static func argoPlugin(_ arguments: [String]) async throws -> Outcome {
        try await run(products.appendingPathComponent("argo-plugin").path, arguments)
    }

    static func run(_ executable: String, _ arguments: [String], directory: URL? = nil) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try runBlocking(executable, arguments, directory: directory) })
            }
        }
    }

    private static func runBlocking(_ executable: String, _ arguments: [String], directory: URL?) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes to the end before waiting, so a chatty child never blocks on a full pipe.
        let errorData = Locked<Data>()
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { Thread.sleep(forTimeInterval: 0.01) }
        return Outcome(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData.value ?? Data(), as: UTF8.self))
    }
}

/// A value set once by another thread.
final class Locked<Value: Sendable>: Sendable {
    private let stored = Mutex<Value?>(nil)

    func set(_ value: Value) { stored.withLock { $0 = value } }
    var value: Value? { stored.withLock { $0 } }
    var isSet: Bool { value != nil }
}
