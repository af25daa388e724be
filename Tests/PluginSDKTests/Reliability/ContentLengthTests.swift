import Foundation
import Testing
@testable import PluginSDK

/// `Content-Length` headers that lie about the body or are not numbers at all.
@Suite("Lying Content-Length")
struct ContentLengthTests {
    private static let body = Array(Bodies.probe("{}").utf8)

    private func head(_ server: TestServer<ProbePlugin>, length: String) -> String {
        "POST /api/v1/template.execute HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(server.token)\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(length)\r\n\r\n"
    }

    @Test("a Content-Length shorter than the body: the truncated body is answered 400, the rest is not served")
    func shorter() async throws {
        let server = try TestServer.start(ProbePlugin())
        let response = try await blocking {
            let client = try server.client(timeoutSeconds: 5)
            try client.send(Array(head(server, length: "\(Self.body.count / 2)").utf8) + Self.body)
            return try client.readResponse()
        }
        #expect(response.status == 400)
        #expect(try response.json()["error"] != nil)
        #expect(try await blocking { try server.healthyCall() } == 200)
        await server.stop()
    }

    @Test("a Content-Length longer than the body: the connection timeout closes the connection")
    func longer() async throws {
        let server = try TestServer.start(ProbePlugin()) { $0.connectionTimeoutSeconds = 1 }
        let (closed, seconds) = try await blocking {
            try measure {
                let client = try server.client(timeoutSeconds: 10)
                try client.send(Array(head(server, length: "\(Self.body.count + 100)").utf8) + Self.body)
                // Nothing can be answered until the promised bytes arrive; the idle timeout must end the wait.
                return client.isClosedByPeer()
            }
        }
        #expect(closed)
        #expect(seconds < TimeAllowance.seconds(5), "closed after \(seconds) s with a 1 s connection timeout")
        #expect(try await blocking { try server.healthyCall() } == 200)
        await server.stop()
    }

    @Test("a Content-Length that is not a number gets libmicrohttpd's own 400 (413 when it overflows)", arguments: ["abc", "-5", "1e3", "12 34", "0x10", "99999999999999999999999"])
    func notANumber(_ length: String) async throws {
        let server = try TestServer.start(ProbePlugin())
        let response = try await blocking {
            let client = try server.client(timeoutSeconds: 5)
            try client.send(Array(head(server, length: length).utf8) + Self.body)
            return try client.readResponse()
        }
        // libmicrohttpd refuses the head before the SDK sees the request, with a short HTML body of its own: 400
        // "Request malformed", or 413 when the digits overflow 64 bits.
        #expect(response.status == (length.hasPrefix("999") ? 413 : 400), "Content-Length \(length) answered \(response.status)")
        #expect(try await blocking { try server.healthyCall() } == 200)
        await server.stop()
    }

    @Test("two different Content-Length headers are refused with 400")
    func conflicting() async throws {
        let server = try TestServer.start(ProbePlugin())
        let response = try await blocking {
            let client = try server.client(timeoutSeconds: 5)
            let text = "POST /api/v1/template.execute HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(server.token)\r\n"
                + "Content-Length: \(Self.body.count)\r\nContent-Length: 5\r\n\r\n"
            try client.send(Array(text.utf8) + Self.body)
            return try client.readResponse()
        }
        #expect((400..<500).contains(response.status), "answered \(response.status)")
        #expect(try await blocking { try server.healthyCall() } == 200)
        await server.stop()
    }
}
