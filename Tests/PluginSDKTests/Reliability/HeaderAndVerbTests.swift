import Foundation
import Testing
@testable import PluginSDK

/// Oversized heads and verbs nobody should send.
@Suite("Headers and verbs")
struct HeaderAndVerbTests {
    @Test("too many headers are refused with 431 or 400")
    func tooManyHeaders() async throws {
        let server = try TestServer.start(ProbePlugin())
        let headers = (0..<5000).map { "X-Filler-\($0): value" }
        let status = try await blocking {
            let client = try server.client(timeoutSeconds: 5)
            return try client.call(
                path: "/api/v1/template.execute", token: server.token,
                json: Bodies.probe("{}"), headers: headers).status
        }
        #expect(status == 431 || status == 400, "answered \(status)")
        #expect(try await blocking { try server.healthyCall() } == 200)
        await server.stop()
    }

    @Test("one header of 100 KiB is refused with 431 or 400")
    func hugeHeader() async throws {
        let server = try TestServer.start(ProbePlugin())
        let status = try await blocking {
            let client = try server.client(timeoutSeconds: 5)
            return try client.call(
                path: "/api/v1/template.execute", token: server.token,
                json: Bodies.probe("{}"), headers: ["X-Big: " + String(repeating: "a", count: 100 * 1024)]).status
        }
        #expect(status == 431 || status == 400, "answered \(status)")
        #expect(try await blocking { try server.healthyCall() } == 200)
        await server.stop()
    }

    @Test("a 5 KiB head (a long token, tracing headers) is served under the default limit; a 12 KiB one is refused")
    func headLimit() async throws {
        let server = try TestServer.start(ProbePlugin())
        let statuses = try await blocking {
            try [5 * 1024, 12 * 1024].map { (size: Int) throws -> Int in
                let client = try server.client(timeoutSeconds: 5)
                let trace = "X-Trace: " + String(repeating: "t", count: size)
                return try client.call(
                    path: "/api/v1/template.execute", token: server.token, json: Bodies.probe("{}"), headers: [trace]
                ).status
            }
        }
        #expect(statuses[0] == 200, "a 5 KiB head answered \(statuses[0])")
        #expect(statuses[1] == 431 || statuses[1] == 400, "a 12 KiB head answered \(statuses[1])")
        await server.stop()
    }

    @Test("a 100 KiB request line is refused with 414, 431 or 400")
    func hugeRequestLine() async throws {
        let server = try TestServer.start(ProbePlugin())
        let status = try await blocking {
            let client = try server.client(timeoutSeconds: 5)
            let path = "/api/v1/template.execute?" + String(repeating: "q", count: 100 * 1024)
            return try client.call(path: path, token: server.token, json: Bodies.probe("{}")).status
        }
        #expect([414, 431, 400].contains(status), "answered \(status)")
        #expect(try await blocking { try server.healthyCall() } == 200)
        await server.stop()
    }

    @Test("an unknown or unusual verb is never answered 200", arguments: ["BREW", "PROPFIND", "TRACE", "OPTIONS", "GET", "PUT", "DELETE", "PATCH", "CONNECT", "HEAD"])
    func verbs(_ verb: String) async throws {
        let server = try TestServer.start(ProbePlugin())
        let statuses = try await blocking {
            try ["/api/v1/template.execute", "/", "*", "/api/v1/unknown"].map { path in
                let client = try server.client(timeoutSeconds: 5)
                try client.send("\(verb) \(path) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(server.token)\r\nContent-Length: 0\r\n\r\n")
                return try client.readResponse(hasBody: verb != "HEAD").status
            }
        }
        for status in statuses {
            #expect([400, 404, 405, 501].contains(status), "\(verb) answered \(status)")
        }
        #expect(try await blocking { try server.healthyCall() } == 200)
        await server.stop()
    }

    @Test("a request line that is not HTTP at all is refused and the server keeps serving")
    func garbageRequestLine() async throws {
        let server = try TestServer.start(ProbePlugin())
        let outcomes = try await blocking {
            ["\u{16}\u{03}\u{01}\u{00}\u{a5}\u{01}\u{00}\u{00}\r\n\r\n", "GARBAGE\r\n\r\n", "POST\r\n\r\n",
             "POST /api/v1/template.execute HTTP/9.9\r\n\r\n", "POST /x HTTP/1.1\r\nNo colon here\r\n\r\n"].map { text in
                let client = try? server.client(timeoutSeconds: 5)
                try? client?.send(text)
                // Either a 4xx/5xx reply from libmicrohttpd or a closed connection; never a 200.
                return (try? client?.readResponse().status) ?? 0
            }
        }
        for status in outcomes { #expect(status != 200) }
        #expect(try await blocking { try server.healthyCall() } == 200)
        await server.stop()
    }
}
