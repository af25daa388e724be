import Foundation
import Logging
import PluginSDKTesting
@testable import PluginSDK

/// A live server on 127.0.0.1 with an ephemeral port and a fresh token file, for socket tests.
struct TestServer<P: Plugin> {
    let server: PluginServer<P>
    let port: Int
    let token: String
    let tokenFile: String

    /// Starts `plugin`; `configure` adjusts the configuration (port and token file are set for you).
    static func start(_ plugin: P, configure: (inout PluginConfiguration) -> Void = { _ in }) throws -> TestServer {
        let token = TestToken.make()
        let tokenFile = try TestToken.write(token)
        var configuration = PluginConfiguration()
        configuration.port = 0
        configuration.tokenFile = tokenFile
        configuration.shutdownGracePeriod = .seconds(5)
        configure(&configuration)
        var logger = Logger(label: "test-server")
        logger.logLevel = .warning
        let server = try PluginServer(plugin: plugin, configuration: configuration, logger: logger)
        let port = try server.start()
        return TestServer(server: server, port: port, token: token, tokenFile: tokenFile)
    }

    /// A new client connection.
    func client(timeoutSeconds: Int = 10) throws -> WireConnection {
        try openConnection(port: port, timeoutSeconds: timeoutSeconds)
    }

    /// Drains and stops the server and removes the token file.
    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(atPath: tokenFile)
    }
}

enum TestToken {
    static func make() -> String { "test-token-" + UUID().uuidString }

    /// Writes `token` (with a trailing newline, as Kubernetes secrets often have) to a temporary file.
    static func write(_ token: String) throws -> String {
        let path = NSTemporaryDirectory() + "argo-plugin-test-\(UUID().uuidString).token"
        try (token + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// A connection to 127.0.0.1:`port` whose waits give up after `timeoutSeconds`, stretched under sanitizers.
func openConnection(port: Int, timeoutSeconds: Int = 10) throws -> WireConnection {
    try WireConnection(port: port, timeout: .seconds(TimeAllowance.wholeSeconds(timeoutSeconds)))
}

/// Runs blocking socket work off the cooperative pool.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try work() })
        }
    }
}
