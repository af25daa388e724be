import Foundation
import Logging
@testable import PluginSDK

extension TestServer {
    /// Starts `plugin` like `start(_:configure:)`, but logging to `logger` (e.g. a `LogCapture`'s, at trace).
    static func start(
        _ plugin: P, logger: Logger, configure: (inout PluginConfiguration) -> Void = { _ in }
    ) throws -> TestServer {
        let token = TestToken.make()
        let tokenFile = try TestToken.write(token)
        var configuration = PluginConfiguration()
        configuration.port = 0
        configuration.tokenFile = tokenFile
        configuration.shutdownGracePeriod = .seconds(5)
        configure(&configuration)
        let server = try PluginServer(plugin: plugin, configuration: configuration, logger: logger)
        let port = try server.start()
        return TestServer(server: server, port: port, token: token, tokenFile: tokenFile)
    }

    /// A normal call on a fresh connection; its status (200 when the server is healthy).
    func healthyCall() throws -> Int {
        try client(timeoutSeconds: 5).call(
            path: "/api/v1/template.execute", token: token,
            json: Bodies.probe(#"{"message":"still serving"}"#)).status
    }
}

/// Seconds elapsed while running `work`.
func measure<T>(_ work: () throws -> T) rethrows -> (T, Double) {
    let start = ContinuousClock.now
    let value = try work()
    let elapsed = ContinuousClock.now - start
    return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}
