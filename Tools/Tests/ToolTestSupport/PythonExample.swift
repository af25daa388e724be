import Foundation

/// Argo's e2e hello executor plugin (Tools/Tests/PluginManifestTests/Fixtures/argo-e2e-hello/server.py, from
/// Argo's test manifests), run with python3 on 127.0.0.1.
///
/// Two lines are changed so it can run outside a pod: the token path (`/var/run/argo/token` becomes a temporary
/// file) and the listen address (`('', 4355)` becomes `('127.0.0.1', 0)`, and the chosen port is printed). The
/// handler is byte for byte Argo's.
public final class PythonExample: Sendable {
    /// The port python listens on.
    public let port: Int
    /// The token it expects.
    public let token = "python-Token-\(UUID().uuidString)"
    /// The file holding ``token``, for `--token-file`.
    public let tokenFile: String
    private let process: Process
    private let directory: URL

    /// Why the server did not start.
    public struct Failure: Error, CustomStringConvertible { public var description: String }

    /// Starts the server and waits until it listens.
    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("conform-python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        tokenFile = directory.appendingPathComponent("token").path
        try token.write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let original = try String(
            contentsOfFile: Repository.path("Tools/Tests/PluginManifestTests/Fixtures/argo-e2e-hello/server.py"),
            encoding: .utf8)
        let listen = "httpd = HTTPServer(('', 4355), Plugin)"
        guard original.contains("/var/run/argo/token"), original.contains(listen) else {
            throw Failure(description: "server.py no longer has the lines this test adapts")
        }
        let script = original.replacingOccurrences(of: "/var/run/argo/token", with: tokenFile)
            .replacingOccurrences(
                of: listen,
                with: "httpd = HTTPServer(('127.0.0.1', 0), Plugin); print(httpd.server_address[1], flush=True)")
        let scriptFile = directory.appendingPathComponent("server.py")
        try script.write(to: scriptFile, atomically: true, encoding: .utf8)
        guard let python = Self.python3() else {
            throw Failure(
                description: "python3 is not on PATH: this test runs Argo's Python example (make test installs it)")
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [scriptFile.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line is the port; python flushes it once the socket listens.
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line += byte
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            kill(process.processIdentifier, SIGKILL)
            throw Failure(description: "python3 server.py did not print its port")
        }
        self.port = port
    }

    /// Its base URL.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// Kills the server and removes its files. SIGKILL, because python inherits the test process's signal mask,
    /// in which SIGTERM may be blocked.
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    static func python3() -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/python3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
