import Foundation

/// A plugin binary run to completion (help, usage errors, start-up failures): its status and both outputs.
struct OneShotProcess {
    let status: Int32
    let standardOutput: String
    let standardError: String

    /// Runs `executable` from this package's products with `arguments` and extra `environment`, for at most 20 s.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) async throws
        -> OneShotProcess
    {
        let process = Process()
        process.executableURL = PluginProcess.productsDirectory.appendingPathComponent(executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = OutputBuffer()
        let errors = OutputBuffer()
        let outPipe = Pipe()
        let errPipe = Pipe()
        for (pipe, buffer) in [(outPipe, output), (errPipe, errors)] {
            pipe.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                if !data.isEmpty { buffer.append(String(decoding: data, as: UTF8.self)) }
            }
        }
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        let deadline = ContinuousClock.now + TimeAllowance.duration(.seconds(20))
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                throw PluginProcess.LaunchError(description: "\(executable) \(arguments) still running after 20 s")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(50))  // let the pipe readers catch the last bytes
        return OneShotProcess(status: process.terminationStatus, standardOutput: output.text, standardError: errors.text)
    }
}
