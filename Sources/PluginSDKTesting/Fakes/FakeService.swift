@_spi(Testing) import PluginSDK
import Synchronization

/// A stand-in for a service a plugin calls (GitHub, Slack, an internal API), served on `127.0.0.1` on a free port
/// by the SDK's own HTTP transport.
///
/// Declare routes with canned or computed replies, point the plugin's client at ``url``, and assert on
/// ``requests`` afterwards. Failures are injected as replies: a status (`.status(503)`), a delay
/// (`.delayed(by:)`), a dropped connection (`.dropConnection`). A request no route matches is answered 404 with
/// `{"error": "no fake route for GET /x"}` and recorded like the others.
///
/// ```swift
/// let slack = try await FakeService.start([.post("/services/**", .text("rate_limited", status: 429), .text("ok", status: 200))])
/// defer { Task { await slack.stop() } }
/// let client = try ServiceClient(slack.url + "/services/T/B/x")
/// ...
/// #expect(slack.requests.count == 2)
/// ```
///
/// The same server runs as a process for `argo-plugin simulate`: `argo-plugin fake routes.yaml` (see the
/// "Calling other services" article). There, and here, `GET /_fake/requests` lists what was received as JSON and
/// `DELETE /_fake/requests` forgets it.
public final class FakeService: Sendable {
    private struct State {
        var routes: [FakeRoute]
        var served: [Int: Int] = [:]
        var requests: [RecordedRequest] = []
    }

    private let state: PlatformLock<State>
    private let server: PlatformLock<TestHTTPServer?> = PlatformLock(nil)
    private let boundPort = Atomic<Int>(0)
    /// Set by ``stop(grace:)``: delayed replies still waiting are sent at once, so stopping never waits them out.
    private let stopping = Atomic<Bool>(false)

    /// A service with `routes`, not yet listening; see ``start(_:host:port:)``.
    public init(_ routes: [FakeRoute] = []) {
        state = PlatformLock(State(routes: routes))
    }

    /// Creates a service with `routes` and starts it on `127.0.0.1:port` (0: any free port).
    public static func start(_ routes: [FakeRoute] = [], host: String = "127.0.0.1", port: Int = 0) async throws
        -> FakeService
    {
        let service = FakeService(routes)
        try service.listen(host: host, port: port)
        return service
    }

    /// Starts listening. Binding any address other than loopback is the caller's choice (`argo-plugin fake
    /// --host`); tests keep the default.
    public func listen(host: String = "127.0.0.1", port: Int = 0) throws {
        let server = TestHTTPServer(host: host, port: port) { [self] request in await answer(request) }
        boundPort.store(try server.start(), ordering: .releasing)
        self.server.withLock { $0 = server }
    }

    /// The port it listens on (0 before ``listen(host:port:)``).
    public var port: Int { boundPort.load(ordering: .acquiring) }

    /// `http://127.0.0.1:<port>`, the base URL to give the plugin's client.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, oldest first (the `/_fake` control paths excluded).
    public var requests: [RecordedRequest] { state.withLock { $0.requests } }

    /// The requests received for paths matching `pattern` (same syntax as routes).
    public func requests(matching pattern: String, method: String? = nil) -> [RecordedRequest] {
        let route = FakeRoute(method, pattern, replies: [])
        return requests.filter { route.matches(method: $0.method, path: $0.path) }
    }

    /// Adds a route; it takes precedence over earlier ones with overlapping patterns.
    public func route(_ route: FakeRoute) {
        state.withLock { $0.routes.append(route) }
    }

    /// Forgets the requests received so far.
    public func clearRequests() {
        state.withLock { $0.requests = [] }
    }

    /// Stops the server: delayed replies still waiting are sent at once, and replies in progress get up to
    /// `grace` to finish.
    public func stop(grace: Swift.Duration = .seconds(5)) async {
        stopping.store(true, ordering: .releasing)
        guard let server = server.withLock({ $0 }) else { return }
        await server.stop(grace: grace)
    }

    /// Waits `delay`, in short naps so that ``stop(grace:)`` cuts it short.
    private func pause(_ delay: Swift.Duration) async {
        let end = ContinuousClock.now.advanced(by: delay)
        while !stopping.load(ordering: .acquiring), ContinuousClock.now < end {
            try? await Task.sleep(for: min(.milliseconds(50), ContinuousClock.now.duration(to: end)))
        }
    }

    private func answer(_ incoming: TestHTTPServer.Request) async -> TestHTTPServer.Response {
        let request = RecordedRequest(
            method: incoming.method, path: incoming.path, query: incoming.query, headers: incoming.headers,
            body: incoming.body)
        if request.path == "/_fake/requests" { return control(request) }
        let answer = state.withLock { state -> FakeRoute.Answer? in
            state.requests.append(request)
            guard let index = state.routes.lastIndex(where: { $0.matches(method: request.method, path: request.path) })
            else { return nil }
            switch state.routes[index].answer {
            case .handler: return state.routes[index].answer
            case .replies(let replies):
                let count = state.served[index, default: 0]
                state.served[index] = count + 1
                return .replies([replies[min(count, replies.count - 1)]])
            }
        }
        let reply: FakeReply
        switch answer {
        case nil: reply = .json(["error": .string("no fake route for \(request.method) \(request.path)")], status: 404)
        case .replies(let replies)?: reply = replies[0]
        case .handler(let handler)?: reply = await handler(request)
        }
        if reply.delay > .zero { await pause(reply.delay) }
        return TestHTTPServer.Response(
            status: reply.status, headers: reply.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            body: reply.body, contentType: reply.contentType, dropConnection: reply.drops)
    }

    /// The requests received so far as JSON, as `GET /_fake/requests` lists them: a list of objects with `method`,
    /// `path`, `query` and `headers` (objects, header names lower-cased) and `body` (text).
    public func requestsJSON() -> [UInt8] {
        (try? PluginJSONEncoder().encode(JSONValue.array(requests.map(\.jsonValue)))) ?? Array("[]".utf8)
    }

    /// `GET /_fake/requests`: the recorded requests as a JSON array; `DELETE`: forget them.
    private func control(_ request: RecordedRequest) -> TestHTTPServer.Response {
        if request.method == "DELETE" {
            clearRequests()
            return TestHTTPServer.Response(status: 204)
        }
        return TestHTTPServer.Response(status: 200, body: requestsJSON())
    }
}
