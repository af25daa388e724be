import Foundation

/// `argo-plugin fake` running as a process: waits for the line with the Kubernetes variables it prints and keeps
/// them as an environment for the plugin.
final class FakeProcess: Sendable {
    let environment: [String: String]
    private let process: Process

    private init(process: Process, environment: [String: String]) {
        self.process = process
        self.environment = environment
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
        while ContinuousClock.now < deadline {
            let text = output.value ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.contains("ARGO_PLUGIN_KUBERNETES_SERVER=") }) {
                var environment: [String: String] = [:]
                for pair in line.split(separator: " ") where pair.contains("=") {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    environment[String(parts[0])] = String(parts[1])
                }
                return FakeProcess(process: process, environment: environment)
            }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.terminate()
        throw ListeningProcess.Failure(description: "argo-plugin fake printed no Kubernetes variables: \(output.value ?? "")")
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}
