import Foundation
import PluginSDKTesting
import Testing
@testable import PluginSDK

/// Keep-alive, uploads in pieces, 100-continue and the body limit over a real socket.
@Suite("Connections and uploads")
struct ConnectionTests {
    @Test("one keep-alive connection serves many calls")
    func keepAlive() async throws {
        let server = try TestServer.start(ProbePlugin())
        let statuses = try await blocking {
            let client = try server.client()
            return try (0..<20).map { index in
                try client.call(
                    path: "/api/v1/template.execute", token: server.token,
                    json: Bodies.probe(#"{"message":"call \#(index)"}"#)).status
            }
        }
        #expect(statuses == Array(repeating: 200, count: 20))
        await server.stop()
    }

    @Test("a chunked body sent in many small chunks is reassembled")
    func chunked() async throws {
        let server = try TestServer.start(ProbePlugin())
        let response = try await blocking {
            let client = try server.client()
            try client.sendChunkedHead(path: "/api/v1/template.execute", token: server.token)
            let body = Array(Bodies.probe(#"{"message":"from chunks"}"#).utf8)
            var offset = 0
            while offset < body.count {
                let end = min(body.count, offset + 7)
                try client.sendChunk(Array(body[offset..<end]))
                offset = end
            }
            try client.sendLastChunk()
            return try client.readResponse()
        }
        #expect(response.status == 200)
        #expect(try JSONMeaning.parse(response.body)["node"]?["message"] == "from chunks")
        await server.stop()
    }

    @Test("a Content-Length body that arrives in many separate writes is reassembled")
    func multiWrite() async throws {
        let server = try TestServer.start(ProbePlugin())
        let response = try await blocking {
            let client = try server.client()
            let body = Array(Bodies.probe(#"{"message":"slowly"}"#).utf8)
            try client.send(
                "POST /api/v1/template.execute HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(server.token)\r\nContent-Length: \(body.count)\r\n\r\n")
            for start in stride(from: 0, to: body.count, by: 16) {
                try client.send(Array(body[start..<min(body.count, start + 16)]))
                usleep(2000)
            }
            return try client.readResponse()
        }
        #expect(response.status == 200)
        #expect(try JSONMeaning.parse(response.body)["node"]?["message"] == "slowly")
        await server.stop()
    }

    @Test("Expect: 100-continue gets 100 Continue, then the reply")
    func expectContinue() async throws {
        let server = try TestServer.start(ProbePlugin())
        let (interim, final) = try await blocking { () -> (String, WireResponse) in
            let client = try server.client()
            let body = Array(Bodies.probe(#"{"message":"continued"}"#).utf8)
            try client.send(
                "POST /api/v1/template.execute HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(server.token)\r\nExpect: 100-continue\r\nContent-Length: \(body.count)\r\n\r\n")
            let first = try client.receive(upTo: 25)
            try client.send(body)
            return (String(decoding: first, as: UTF8.self), try client.readResponse())
        }
        #expect(interim.hasPrefix("HTTP/1.1 100"))
        #expect(final.status == 200)
        #expect(try JSONMeaning.parse(final.body)["node"]?["message"] == "continued")
        await server.stop()
    }

    @Test("an announced body over the limit gets 413 at once, without sending the body")
    func tooLargeAnnounced() async throws {
        let server = try TestServer.start(ProbePlugin()) { $0.maxBodyBytes = 1024 }
        // The body is never sent: the 413 can only arrive if it is decided from the head alone.
        let response = try await blocking {
            let client = try server.client()
            try client.send(
                "POST /api/v1/template.execute HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(server.token)\r\nContent-Length: 50000000\r\n\r\n")
            return try client.readResponse()
        }
        #expect(response.status == 413)
        await server.stop()
    }

    @Test("a chunked body that grows over the limit gets 413 and the server keeps serving")
    func tooLargeChunked() async throws {
        let server = try TestServer.start(ProbePlugin()) { $0.maxBodyBytes = 4096 }
        let response = try await blocking { () -> WireResponse in
            let client = try server.client()
            try client.sendChunkedHead(path: "/api/v1/template.execute", token: server.token)
            let chunk = [UInt8](repeating: UInt8(ascii: " "), count: 1024)
            for _ in 0..<64 {
                do { try client.sendChunk(chunk) } catch { break }
            }
            try? client.sendLastChunk()
            return try client.readResponse()
        }
        #expect(response.status == 413)
        let after = try await blocking {
            try server.client().call(
                path: "/api/v1/template.execute", token: server.token,
                json: Bodies.probe("{}")).status
        }
        #expect(after == 200)
        await server.stop()
    }
}
