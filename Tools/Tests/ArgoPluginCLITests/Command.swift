import Foundation
import ToolTestSupport
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
    static var root: URL { Repository.root }

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
    /// Changes a value that was set.
    func update(_ change: (inout Value) -> Void) {
        stored.withLock { value in
            if var current = value {
                change(&current)
                value = current
            }
        }
    }
    var value: Value? { stored.withLock { $0 } }
    var isSet: Bool { value != nil }
}

/// A plugin binary started on `--port 0`: the kernel picks a free port and the plugin names it in its
/// "plugin listening" line, so no test ever guesses a port. Standard error is kept for failure messages.
final class ListeningProcess: Sendable {
    let port: Int
    private let process: Process
    private let errors: Locked<String>

    struct Failure: Error, CustomStringConvertible { var description: String }

    private init(port: Int, process: Process, errors: Locked<String>) {
        self.port = port
        self.process = process
        self.errors = errors
    }

    /// What the process wrote to standard error so far.
    var standardError: String { errors.value ?? "" }

    /// Starts `executable` and waits until its "plugin listening" line names the bound port (up to 60 s, or
    /// until the process exits).
    static func start(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) async throws
        -> ListeningProcess
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.standardOutput = FileHandle.nullDevice
        let pipe = Pipe()
        let errors = Locked<String>()
        errors.set("")
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if !data.isEmpty { errors.update { $0 += String(decoding: data, as: UTF8.self) } }
        }
        process.standardError = pipe
        try process.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let port = listeningPort(in: errors.value ?? "") { return ListeningProcess(port: port, process: process, errors: errors) }
            if !process.isRunning {
                try await Task.sleep(for: .milliseconds(50))
                throw Failure(description: "\(executable) exited with status \(process.terminationStatus): \(errors.value ?? "")")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        process.terminate()
        throw Failure(description: "\(executable) did not log 'plugin listening' within 60 s: \(errors.value ?? "")")
    }

    /// The port in `... address=http://127.0.0.1:PORT ... plugin listening`.
    static func listeningPort(in log: String) -> Int? {
        for line in log.split(separator: "\n") where line.contains("plugin listening") {
            if let match = line.firstMatch(of: /http:\/\/[^\s"]*:([0-9]+)/), let port = Int(match.1) { return port }
        }
        return nil
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}
