import Logging
import PluginSDKTesting
@testable import PluginSDK

#if canImport(Glibc)
import Glibc
#endif

/// The fuzz target: one input through the request path, in process or over a socket (byte 0 picks).
///
/// Byte 0 even: ``ResponderRoute`` (fast, no syscalls: auth, routing, JSON decode, plugin, reply encode).
/// Byte 0 odd: ``SocketRoute`` (the same path behind libmicrohttpd's own HTTP parsing). Every 2,000 socket
/// inputs, and at the end of a replay, a normal call must still be answered 200.
final class Harness: Sendable {
    static let shared = Harness()

    let token = "fuzz-token-5e1f0c2a9b"
    let responder: PluginResponder<FuzzPlugin>
    let server: PluginServer<FuzzPlugin>
    let port: Int
    private let socketInputs = SocketCounter()

    private init() {
        signal(SIGPIPE, SIG_IGN)
        let logger = Logger(label: "fuzz") { [token] _ in FuzzLogHandler(secret: token) }
        var configuration = PluginConfiguration()
        configuration.port = 0
        configuration.threads = 2
        configuration.connectionTimeoutSeconds = 1
        configuration.connectionLimit = 4096
        configuration.callTimeout = .seconds(2)
        configuration.maxBodyBytes = 256 * 1024
        configuration.tokenFile = Self.writeTokenFile(token)
        guard let bearer = BearerToken(fileContent: token) else { fatalError("bad fuzz token") }
        responder = PluginResponder(plugin: FuzzPlugin(), token: bearer, configuration: configuration, logger: logger)
        do {
            server = try PluginServer(plugin: FuzzPlugin(), configuration: configuration, logger: logger)
            port = try server.start()
        } catch {
            fatalError("the fuzz server did not start: \(error)")
        }
    }

    /// One input. Traps (a libFuzzer crash) when an invariant breaks.
    func testOneInput(_ bytes: UnsafeRawBufferPointer) {
        guard let first = bytes.first else { return }
        let rest = Array(bytes.dropFirst())[...]
        if first & 1 == 0 {
            ResponderRoute.run(rest, responder: responder, token: token)
        } else {
            SocketRoute.run(rest, port: port, token: token)
            if socketInputs.increment() % 2000 == 0 { checkStillServing() }
        }
    }

    /// A normal call over a fresh connection must get 200.
    func checkStillServing() {
        let body = #"{"workflow":{"metadata":{"name":"wf"}},"template":{"name":"t","plugin":{"fuzz":{}}}}"#
        let response: WireResponse
        do {
            let connection = try WireConnection(port: port, timeout: .seconds(5))
            response = try connection.call(path: "/api/v1/template.execute", token: token, json: body)
        } catch {
            fatalError("a normal call got no reply: \(error)")
        }
        guard response.status == 200 else { fatalError("a normal call was not answered 200: \(response.summary())") }
    }

    private static func writeTokenFile(_ token: String) -> String {
        let path = "/tmp/argo-plugin-fuzz-\(getpid()).token"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let bytes = Array(token.utf8)
        _ = write(fd, bytes, bytes.count)
        close(fd)
        return path
    }
}

import Synchronization

/// Counts socket inputs across libFuzzer's calls.
final class SocketCounter: Sendable {
    private let count = Atomic<Int>(0)
    func increment() -> Int { count.add(1, ordering: .relaxed).newValue }
}
