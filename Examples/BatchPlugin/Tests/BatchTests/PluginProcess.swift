import Foundation
import PluginHTTP
import PluginSDK
import Synchronization

/// The built `BatchPlugin` binary as a process on `--port 0`, called over HTTP with Argo's token, as Argo's agent
/// calls its sidecar. `swift build --build-tests` builds it next to the test bundle.
final class PluginProcess: Sendable {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Standard error as it arrives.
    final class Log: Sendable {
        private let text = Mutex("")
        func append(_ more: String) { text.withLock { $0 += more } }
        var value: String { text.withLock { $0 } }
    }

    let port: Int
    let token: String
    private let process: Process
    private let log: Log

    /// The binary next to the test bundle.
    static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("BatchPlugin").path
    }

    private init(port: Int, token: String, process: Process, log: Log) {
        self.port = port
        self.token = token
        self.process = process
        self.log = log
    }

    /// Starts the plugin with `arguments` (after `--port 0 --token-file`), and waits for its "plugin listening" line.
    static func start(_ arguments: [String], token: String) async throws -> PluginProcess {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw Failure(description: "\(binary) is missing: build with `swift build --build-tests` first")
        }
        let tokenFile = NSTemporaryDirectory() + "batch-\(UUID().uuidString).token"
        try token.write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--port", "0", "--token-file", tokenFile] + arguments
        process.standardOutput = FileHandle.nullDevice
        let pipe = Pipe()
        let log = Log()
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if !data.isEmpty { log.append(String(decoding: data, as: UTF8.self)) }
        }
        process.standardError = pipe
        try process.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline, process.isRunning {
            let text = log.value
            for line in text.split(separator: "\n") where line.contains("plugin listening") {
                if let match = line.firstMatch(of: /http:\/\/127\.0\.0\.1:([0-9]+)/), let port = Int(match.1) {
                    return PluginProcess(port: port, token: token, process: process, log: log)
                }
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        process.terminate()
        throw Failure(description: "BatchPlugin did not start listening: \(log.value)")
    }

    /// What the process wrote to standard error so far.
    var standardError: String { log.value }

    /// Calls `template.execute` with `args`.
    func execute(_ args: ExecuteTemplateArgs) async throws -> ExecuteTemplateReply {
        let client = try ServiceClient(
            "http://127.0.0.1:\(port)",
            configuration: ServiceConfiguration(name: "BatchPlugin", auth: .bearer(token), timeout: .seconds(30)))
        let request = try ServiceRequest(.post, "/api/v1/template.execute", json: args)
        let context = PluginContext(method: .templateExecute, workflowName: "test")
        return try await client.json(request, as: ExecuteTemplateReply.self, context: context)
    }

    /// Sends `signal` and waits for the process to exit; returns its exit status (or the signal number).
    @discardableResult
    func stop(signal: Int32) async -> Int32 {
        kill(process.processIdentifier, signal)
        while process.isRunning { try? await Task.sleep(for: .milliseconds(10)) }
        return process.terminationStatus
    }
}
