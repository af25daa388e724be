import Foundation
import Logging
@_spi(Testing) import PluginSDK

/// One test client for a plugin, in-process (no socket) or live (a real server on `127.0.0.1`, ephemeral port).
///
/// Both transports run the SDK's real request path: the token check, routing, decoding, your handler, Argo's
/// requeue rules and the JSON encoding. In-process calls skip only libmicrohttpd; live calls go over TCP, so
/// they also cover the transport (keep-alive, limits, 413, the call deadline).
///
/// ```swift
/// @Test func saysHello() async throws {
///     try await PluginTestClient.with(Hello(), transport: .live) { client in
///         let reply = try await client.execute(.fixture(plugin: "hello"))
///         #expect(reply.node?.phase == .succeeded)
///         #expect(try await client.call(.templateExecute, json: "{}", credentials: .none).status == 403)
///     }
/// }
/// ```
public struct PluginTestClient: Sendable {
    /// How calls reach the plugin.
    public enum Transport: String, Sendable, CaseIterable, CustomStringConvertible {
        /// Through the SDK's responder in this process, no socket.
        case inProcess = "in-process"
        /// Over TCP to a `PluginServer` listening on 127.0.0.1 with an ephemeral port.
        case live

        /// `in-process` or `live`.
        public var description: String { rawValue }
    }

    /// The transport of this client.
    public let transport: Transport
    /// The token the plugin was given; ``TestCredentials/valid`` sends it.
    public let token: String
    /// The bound port of a live server; `nil` in process.
    public let port: Int?
    /// Seconds a live call may wait for its reply before failing.
    public var timeoutSeconds: Int = 30
    private let send: @Sendable (ClientRequest) async throws -> PluginCallResult
    private let shutdown: @Sendable () async -> Void

    /// A client for `plugin`, with a fresh random token. A live client has started its server: call ``close()``
    /// (or use ``with(_:transport:configuration:token:_:)``, which does).
    ///
    /// Throws what starting the plugin would throw on either transport, e.g. `ConfigurationError` for a plugin
    /// that adopts no handler protocol.
    ///
    /// `configuration` is used as given except that a live server always listens on 127.0.0.1, port 0, with a
    /// temporary token file.
    public static func make<P: Plugin>(
        _ plugin: P, transport: Transport, configuration: PluginConfiguration = PluginConfiguration(),
        token: String = PluginTestClient.randomToken(), logger: Logger = PluginTestClient.quietLogger()
    ) throws -> PluginTestClient {
        switch transport {
        case .inProcess:
            let inProcess = try InProcessTransport(
                plugin: plugin, token: token, configuration: configuration, logger: logger)
            return PluginTestClient(
                transport: .inProcess, token: token, port: nil,
                send: { request in
                    let reply = await inProcess.call(
                        method: request.verb, path: request.path, authorization: request.authorization,
                        body: request.body)
                    return PluginCallResult(status: reply.status, body: reply.body)
                },
                shutdown: { await inProcess.shutdown() })
        case .live:
            let tokenFile = FileManager.default.temporaryDirectory
                .appendingPathComponent("argo-plugin-test-\(UUID().uuidString).token").path
            try token.write(toFile: tokenFile, atomically: true, encoding: .utf8)
            var live = configuration
            live.host = "127.0.0.1"
            live.port = 0
            live.tokenFile = tokenFile
            live.development = false
            let server: PluginServer<P>
            let port: Int
            do {
                server = try PluginServer(plugin: plugin, configuration: live, logger: logger)
                port = try server.start()
            } catch {
                try? FileManager.default.removeItem(atPath: tokenFile)
                throw error
            }
            return PluginTestClient(
                transport: .live, token: token, port: port,
                send: { request in
                    let response = try await WireConnection.onOwnThread {
                        let connection = try WireConnection(port: port, timeout: .seconds(request.timeoutSeconds))
                        var headers = ["Connection: close"]
                        if let authorization = request.authorization {
                            headers.append("Authorization: \(authorization)")
                        }
                        return try connection.call(
                            method: request.verb, path: request.path, headers: headers, body: request.body)
                    }
                    return PluginCallResult(status: response.status, body: response.body)
                },
                shutdown: {
                    await server.stop()
                    try? FileManager.default.removeItem(atPath: tokenFile)
                })
        }
    }

    /// Runs `body` with a client for `plugin` and closes it afterwards, also when `body` throws.
    public static func with<P: Plugin, R>(
        _ plugin: P, transport: Transport, configuration: PluginConfiguration = PluginConfiguration(),
        token: String = PluginTestClient.randomToken(), _ body: (PluginTestClient) async throws -> R
    ) async throws -> R {
        let client = try make(plugin, transport: transport, configuration: configuration, token: token)
        do {
            let result = try await body(client)
            await client.close()
            return result
        } catch {
            await client.close()
            throw error
        }
    }

    /// Stops a live server (draining it) and removes its token file; in process, does what the server's shutdown
    /// does: cancels a job plugin's unfinished jobs, then runs the plugin's `shutdown()`.
    public func close() async {
        await shutdown()
    }

    /// Sends `body` to `POST /api/v1/<method>` and returns the status and body, whatever they are.
    public func call(
        _ method: PluginMethod, body: [UInt8], credentials: TestCredentials = .valid
    ) async throws -> PluginCallResult {
        try await call(path: method.path, body: body, credentials: credentials)
    }

    /// Sends a JSON text to `POST /api/v1/<method>`.
    public func call(
        _ method: PluginMethod, json: String, credentials: TestCredentials = .valid
    ) async throws -> PluginCallResult {
        try await call(path: method.path, body: Array(json.utf8), credentials: credentials)
    }

    /// Sends any verb to any path: for unknown methods, wrong verbs and raw bytes.
    public func call(
        verb: String = "POST", path: String, body: [UInt8], credentials: TestCredentials = .valid
    ) async throws -> PluginCallResult {
        try await send(
            ClientRequest(
                verb: verb, path: path, authorization: credentials.header(validToken: token), body: body,
                timeoutSeconds: timeoutSeconds))
    }

    /// A client over any transport; tests of the kit use it to stand in for misbehaving servers.
    init(
        transport: Transport, token: String, port: Int?,
        send: @escaping @Sendable (ClientRequest) async throws -> PluginCallResult,
        shutdown: @escaping @Sendable () async -> Void
    ) {
        self.transport = transport
        self.token = token
        self.port = port
        self.send = send
        self.shutdown = shutdown
    }
}

/// One request as the client hands it to a transport.
struct ClientRequest: Sendable {
    var verb: String
    var path: String
    var authorization: String?
    var body: [UInt8]
    var timeoutSeconds: Int
}
