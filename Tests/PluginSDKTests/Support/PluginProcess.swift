import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A plugin binary built by this package, started as a child process on a free port with a fresh token.
final class PluginProcess: Sendable {
    let process: Process
    let port: Int
    let token: String
    let tokenFile: String
    private let errors = OutputBuffer()
    private let errorPipe: Pipe

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
        let port = try FreePort.find()
        let url = productsDirectory.appendingPathComponent(executable)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw LaunchError(description: "\(url.path) is not built; run `swift build --build-tests` first")
        }
        let process = Process()
        process.executableURL = url
        process.arguments = ["--port", "\(port)", "--token-file", tokenFile] + arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let launched = PluginProcess(process: process, port: port, token: token, tokenFile: tokenFile, pipe: pipe)
        try launched.waitUntilListening()
        return launched
    }

    private init(process: Process, port: Int, token: String, tokenFile: String, pipe: Pipe) {
        self.process = process
        self.port = port
        self.token = token
        self.tokenFile = tokenFile
        self.errorPipe = pipe
        let errors = self.errors
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if !data.isEmpty { errors.append(String(decoding: data, as: UTF8.self)) }
        }
    }

    /// What the process wrote to standard error so far.
    var standardError: String { errors.text }

    private func waitUntilListening() throws {
        for _ in 0..<500 {
            if (try? RawHTTPClient(port: port, timeoutSeconds: 1)) != nil { return }
            if !process.isRunning { throw LaunchError(description: "exited early: \(standardError)") }
            usleep(10_000)
        }
        throw LaunchError(description: "did not listen on \(port): \(standardError)")
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

/// Finds a free TCP port on 127.0.0.1 by binding port 0.
enum FreePort {
    static func find() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw PluginProcess.LaunchError(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Text collected from a pipe on another thread.
final class OutputBuffer: Sendable {
    private let storage = Locked("")
    func append(_ text: String) { storage.withLock { $0 += text } }
    var text: String { storage.withLock { $0 } }
}
