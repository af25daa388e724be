import AsyncHTTPClient
import Foundation

/// One HTTP exchange, as the agent's Go client performs it.
///
/// AsyncHTTPClient is the client here because it has what the simulator must reproduce faithfully: a real
/// per-request deadline (Go's `http.Client.Timeout`), connection errors told apart from HTTP statuses (Argo
/// retries the first), and keep-alive pooling like Go's transport. The SlackPlugin example already depends on
/// it, so the package gains no dependency, and the CLI never ships inside a plugin image.
enum AgentHTTP {
    /// A status and body, or the transport error that prevented one.
    enum Exchange: Sendable {
        case response(status: Int, reason: String, body: [UInt8])
        case transportError(String)
    }

    /// Like Go's `http.Client`: a refused connection fails the request at once instead of being retried by the
    /// pool until the deadline, so the agent's own backoff decides, as in Argo; and no per-host connection limit
    /// (Go's default transport has none; AHC's default is 8), so the agent's workers alone bound concurrency.
    /// Lives for the whole process.
    static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 1024
        configuration.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    static func post(url: String, token: String, body: [UInt8], timeout: Swift.Duration) async -> Exchange {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.body = .bytes(body)
        let milliseconds = Int64(AgentTiming.seconds(timeout) * 1000)
        let prepared = request
        // The whole exchange, body included, is bounded like Go's `http.Client.Timeout`: AHC's own deadline, and a
        // race against a timer in case a reply arrives after the deadline but before AHC noticed it.
        return await withTaskGroup(of: Exchange?.self) { group in
            group.addTask {
                do {
                    let response = try await client.execute(prepared, timeout: .milliseconds(milliseconds))
                    var buffer = try await response.body.collect(upTo: 64 << 20)
                    let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
                    return .response(status: Int(response.status.code), reason: response.status.reasonPhrase, body: bytes)
                } catch {
                    return .transportError(describe(error, url: url, timeout: timeout))
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .transportError(timedOut(url: url, timeout: timeout))
        }
    }

    static func timedOut(url: String, timeout: Swift.Duration) -> String {
        "Post \"\(url)\": context deadline exceeded (Client.Timeout exceeded after \(timeout))"
    }

    /// Go-like wording, so messages read like the ones Argo would show.
    static func describe(_ error: any Error, url: String, timeout: Swift.Duration) -> String {
        let text = String(describing: error)
        if let client = error as? HTTPClientError,
            client == .deadlineExceeded || client == .readTimeout || client == .connectTimeout
        {
            return timedOut(url: url, timeout: timeout)
        }
        if text.localizedCaseInsensitiveContains("refused") {
            return "Post \"\(url)\": dial tcp: connect: connection refused"
        }
        if text.localizedCaseInsensitiveContains("reset") { return "Post \"\(url)\": connection reset by peer" }
        if let client = error as? HTTPClientError, client == .remoteConnectionClosed {
            return "Post \"\(url)\": EOF"
        }
        return "Post \"\(url)\": \(text)"
    }
}
