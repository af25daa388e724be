import Foundation
import PluginSDK
import Testing

@testable import PluginSDKTesting

/// ``WireConnection`` against a live SDK server: raw bytes in, complete responses out, with timeouts.
@Suite("WireConnection")
struct WireConnectionTests {
    private static let body = #"{"workflow":{"metadata":{"name":"w"}},"template":{"name":"t","plugin":{"echo":{}}}}"#

    @Test("several calls on one kept-alive connection, a chunked one among them, each get their own response")
    func keepAlive() async throws {
        let client = try PluginTestClient.make(Echo(), transport: .live)
        let (port, token) = (try #require(client.port), client.token)
        let statuses = try await WireConnection.onOwnThread { () -> [Int] in
            let connection = try WireConnection(port: port)
            var statuses = try (0..<3).map { _ in
                try connection.call(path: PluginMethod.templateExecute.path, token: token, json: Self.body).status
            }
            try connection.sendChunkedHead(path: PluginMethod.templateExecute.path, token: token)
            for piece in Array(Self.body.utf8).chunks(of: 10) { try connection.sendChunk(piece) }
            try connection.sendLastChunk()
            statuses.append(try connection.readResponse().status)
            statuses.append(try connection.call(path: "/api/v1/no.such.method", token: token, json: "{}").status)
            return statuses
        }
        #expect(statuses == [200, 200, 200, 200, 404])
        await client.close()
    }

    @Test("Expect: 100-continue shows as an interim status before the reply")
    func expectContinue() async throws {
        let client = try PluginTestClient.make(Echo(), transport: .live)
        let (port, token) = (try #require(client.port), client.token)
        let (closed, response) = try await WireConnection.onOwnThread { () -> (Bool, WireResponse) in
            let connection = try WireConnection(port: port)
            let body = Array(Self.body.utf8)
            try connection.send(
                "POST /api/v1/template.execute HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                    + "Expect: 100-continue\r\nContent-Length: \(body.count)\r\n\r\n")
            // Waits for the interim response and keeps its bytes for the read below.
            let closed = connection.isClosedByPeer()
            try connection.send(body)
            return (closed, try connection.readResponse())
        }
        #expect(!closed)
        #expect(response.interimStatuses == [100])
        #expect(response.status == 200)
        await client.close()
    }

    @Test("a wrong token with a huge announced body is answered without the body; the server then closes")
    func earlyReply() async throws {
        let client = try PluginTestClient.make(Echo(), transport: .live)
        let port = try #require(client.port)
        let (response, closed) = try await WireConnection.onOwnThread { () -> (WireResponse, Bool) in
            let connection = try WireConnection(port: port, timeout: .seconds(5))
            try connection.sendHead(
                path: PluginMethod.templateExecute.path, token: "wrong", headers: ["Content-Length: 1000000000"])
            return (try connection.readResponse(), connection.isClosedByPeer())
        }
        #expect(response.status == 403)
        #expect(response.closesConnection)
        #expect(closed)
        await client.close()
    }

    @Test("a silent server times out with the kind timedOut; a closed port refuses with the kind connect")
    func failures() async throws {
        let client = try PluginTestClient.make(Echo(), transport: .live)
        let port = try #require(client.port)
        let silent = try await WireConnection.onOwnThread { () -> WireError? in
            let connection = try WireConnection(port: port, timeout: .milliseconds(200))
            try connection.send("POST /api/v1/template.execute HTTP/1.1\r\n")
            do {
                _ = try connection.readResponse()
                return nil
            } catch let error as WireError {
                return error
            }
        }
        #expect(silent?.kind == .timedOut)
        #expect(silent?.message.contains("no reply") == true)
        await client.close()
        #expect {
            _ = try WireConnection(port: port, timeout: .seconds(2))
        } throws: { ($0 as? WireError)?.kind == .connect }
    }

    @Test("after a half-close the server's answer to what was sent can still be read")
    func halfClose() async throws {
        let client = try PluginTestClient.make(Echo(), transport: .live)
        let port = try #require(client.port)
        let received = try await WireConnection.onOwnThread { () -> String in
            let connection = try WireConnection(port: port, timeout: .seconds(5))
            try connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            connection.finishSending()
            return String(decoding: connection.receiveUntilClosed(), as: UTF8.self)
        }
        #expect(received.hasPrefix("HTTP/1.1 403"))
        await client.close()
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    fileprivate func chunks(of size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min(count, $0 + size)]) }
    }
}
