import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A plugin binary built by this package, started as a child process with a fresh token.
///
/// The process binds port 0 (`--port 0`): the kernel picks a free port and the plugin names it in its "plugin
/// listening" log line, which is how the test learns it. No port is chosen by the test, so none can be taken by
/// another process between choosing and binding. Standard error is kept, and every launch failure quotes it.
final class PluginProcess: Sendable {
    let process: Process
    let port: Int
    let token: String
    let tokenFile: String
    private let errors: OutputBuffer

    struct LaunchError: Error, CustomStringConvertible { var description: String }

    /// The directory holding this package's built products (next to the test bundle).
    static var productsDirectory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    static func launch(executable: String, arguments: [String] = [], environment: [String: String] = [:]) throws
        -> PluginProcess
    {
        let token = TestToken.make()
        let tokenFile = try TestToken.write(token)
        let url = productsDirectory.appendingPathComponent(executable)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw LaunchError(description: "\(url.path) is not built; run `swift build --build-tests` first")
        }
        let process = Process()
        process.executableURL = url
        process.arguments = ["--port", "0", "--token-file", tokenFile] + arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let pipe = Pipe()
        let errors = OutputBuffer()
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if !data.isEmpty { errors.append(String(decoding: data, as: UTF8.self)) }
        }
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        do {
            let port = try waitUntilListening(process, errors: errors)
            return PluginProcess(process: process, port: port, token: token, tokenFile: tokenFile, errors: errors)
        } catch {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            try? FileManager.default.removeItem(atPath: tokenFile)
            throw error
        }
    }

    /// ``launch(executable:arguments:environment:)`` on a thread of its own, so that waiting for the process to
    /// listen never holds one of the few threads of Swift's cooperative pool that in-process servers need.
    static func start(executable: String, arguments: [String] = [], environment: [String: String] = [:]) async throws
        -> PluginProcess
    {
        try await blocking { try launch(executable: executable, arguments: arguments, environment: environment) }
    }

    private init(process: Process, port: Int, token: String, tokenFile: String, errors: OutputBuffer) {
        self.process = process
        self.port = port
        self.token = token
        self.tokenFile = tokenFile
        self.errors = errors
    }

    /// What the process wrote to standard error so far.
    var standardError: String { errors.text }

    /// Waits for the "plugin listening" line and returns the port it names; fails early if the process exits.
    private static func waitUntilListening(_ process: Process, errors: OutputBuffer) throws -> Int {
        let deadline = ContinuousClock.now + TimeAllowance.duration(.seconds(10))
        while ContinuousClock.now < deadline {
            if let port = ListeningLine.port(in: errors.text) { return port }
            if !process.isRunning {
                usleep(50_000)  // let the pipe reader catch the last lines
                throw LaunchError(description: "exited early with status \(process.terminationStatus): \(errors.text)")
            }
            usleep(5_000)
        }
        throw LaunchError(description: "no 'plugin listening' line within 10 s; standard error so far: \(errors.text)")
    }

    func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    func waitForExit(timeout: Duration) async throws -> Int32 {
        let deadline = ContinuousClock.now + TimeAllowance.duration(timeout)
        while process.isRunning {
            if ContinuousClock.now > deadline { throw LaunchError(description: "still running after \(timeout)") }
            try await Task.sleep(for: .milliseconds(20))
        }
        // Let the pipe reader catch the last lines.
        try await Task.sleep(for: .milliseconds(50))
        return process.terminationStatus
    }

    func terminateIfRunning() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(atPath: tokenFile)
    }
}

/// The port a plugin names in its start-up line, `... address=http://127.0.0.1:PORT ... plugin listening`.
enum ListeningLine {
    static func port(in log: String) -> Int? {
        for line in log.split(separator: "\n") where line.contains("plugin listening") {
            guard let match = line.firstMatch(of: /http:\/\/[^\s"]*:([0-9]+)/), let port = Int(match.1) else { continue }
            return port
        }
        return nil
    }
}

/// Text collected from a pipe on another thread.
final class OutputBuffer: Sendable {
    private let storage = Locked("")
    func append(_ text: String) { storage.withLock { $0 += text } }
    var text: String { storage.withLock { $0 } }
}
