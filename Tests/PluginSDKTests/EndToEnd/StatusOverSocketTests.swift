import Testing
@testable import PluginSDK

/// Every contract status over a real socket on 127.0.0.1.
@Suite("Statuses over a socket")
struct StatusOverSocketTests {
    @Test("hello-shaped call, 403, 404, 405, 400 and 503 each arrive with JSON bodies and Content-Length")
    func statuses() async throws {
        let server = try TestServer.start(ProbePlugin())
        let token = server.token
        let results: [Int] = try await blocking {
            let client = try server.client()
            var statuses: [Int] = []
            let cases: [(String, String, String?, String)] = [
                ("POST", "/api/v1/template.execute", token, Bodies.probe("{}")),
                ("POST", "/api/v1/template.execute", nil, Bodies.probe("{}")),
                ("POST", "/api/v1/template.execute", "wrong", Bodies.probe("{}")),
                ("POST", "/api/v1/unknown.method", token, "{}"),
                ("GET", "/api/v1/template.execute", token, ""),
                ("POST", "/api/v1/template.execute", token, "{broken"),
                ("POST", "/api/v1/template.execute", token, Bodies.probe(#"{"outcome":"transient"}"#)),
                ("POST", "/api/v1/template.execute", token, Bodies.hello),
            ]
            for (verb, path, auth, body) in cases {
                // Early refusals close the connection when a body was not read, so use a fresh one each time.
                let connection = verb == "POST" && auth == token && path.hasSuffix("execute") ? client : try server.client()
                let response = try connection.call(method: verb, path: path, token: auth, body: Array(body.utf8))
                #expect(response.headers["content-type"] == "application/json")
                #expect(Int(response.headers["content-length"] ?? "") == response.body.count)
                #expect(!response.body.isEmpty)
                _ = try JSONMeaning.parse(response.body)
                statuses.append(response.status)
            }
            return statuses
        }
        #expect(results == [200, 403, 403, 404, 405, 400, 503, 200])
        await server.stop()
    }

    @Test("a bad token is refused before the body is read, even a huge announced one")
    func forbiddenBeforeBody() async throws {
        let server = try TestServer.start(ProbePlugin())
        let response = try await blocking {
            let client = try server.client()
            try client.send("POST /api/v1/template.execute HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer nope\r\nContent-Length: 1000000000\r\n\r\n")
            return try client.readResponse()
        }
        #expect(response.status == 403)
        await server.stop()
    }

    @Test("the server binds loopback by default")
    func loopback() async throws {
        let server = try TestServer.start(ProbePlugin())
        #expect(server.server.configuration.host == "127.0.0.1")
        await server.stop()
    }

    @Test("a port already in use fails to start with the OS error")
    func portInUse() async throws {
        let first = try TestServer.start(ProbePlugin())
        do {
            _ = try TestServer.start(ProbePlugin()) { $0.port = first.port }
            Issue.record("expected a bind error")
        } catch {
            #expect(String(describing: error).contains("Address already in use"))
        }
        await first.stop()
    }
}
