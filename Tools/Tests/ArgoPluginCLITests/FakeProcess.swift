import Foundation

/// `argo-plugin fake` running as a process: waits for the line naming the fake service's address and, with
/// `--kubernetes`, for the line with the Kubernetes variables it prints, kept as an environment for the plugin.
final class FakeProcess: Sendable {
    let environment: [String: String]
    /// The fake service's base URL, `http://127.0.0.1:PORT`.
    let serviceURL: String
    private let process: Process

    private init(process: Process, environment: [String: String], serviceURL: String) {
        self.process = process
        self.environment = environment
        self.serviceURL = serviceURL
    }

    static func start(_ executable: String, _ arguments: [String]) async throws -> FakeProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        let output = Locked<String>()
        output.set("")
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if !data.isEmpty { output.update { $0 += String(decoding: data, as: UTF8.self) } }
        }
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(30)
        let kubernetes = arguments.contains("--kubernetes")
        while ContinuousClock.now < deadline {
            let lines = (output.value ?? "").split(separator: "\n")
            let service = lines.lazy.compactMap { $0.firstMatch(of: /fake service listening on (http:\/\/\S+)/) }.first
            let variables = lines.first { $0.contains("ARGO_PLUGIN_KUBERNETES_SERVER=") }
            if let service, !kubernetes || variables != nil {
                var environment: [String: String] = [:]
                for pair in (variables ?? "").split(separator: " ") where pair.contains("=") {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    environment[String(parts[0])] = String(parts[1])
                }
                return FakeProcess(process: process, environment: environment, serviceURL: String(service.1))
            }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.terminate()
        throw ListeningProcess.Failure(description: "argo-plugin fake printed no address: \(output.value ?? "")")
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}
