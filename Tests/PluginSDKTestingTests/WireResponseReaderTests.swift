import Testing

@testable import PluginSDKTesting

/// The response parser under ``WireConnection``, fed byte by byte, so every split point of a read is exercised.
@Suite("WireResponseReader")
struct WireResponseReaderTests {
    /// Reads responses out of `wire`, handing the reader one byte per read.
    private struct Feed {
        var reader = WireResponseReader()
        var wire: [UInt8]

        init(_ text: String) { wire = Array(text.utf8) }

        mutating func next(hasBody: Bool = true) throws(WireError) -> WireResponse {
            var remaining = wire[...]
            defer { wire = Array(remaining) }
            return try reader.response(hasBody: hasBody) { () throws(WireError) -> [UInt8]? in
                remaining.popFirst().map { [$0] }
            }
        }
    }

    @Test("a Content-Length body ends where the length says; the next response on the connection follows")
    func contentLength() throws {
        var feed = Feed(
            "HTTP/1.1 201 Created\r\ncontent-length: 2\r\nX-A: 1\r\nx-a: 2\r\n\r\n{}HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
        )
        let first = try feed.next()
        #expect(first.status == 201)
        #expect(first.reason == "Created")
        #expect(first.text == "{}")
        #expect(first.framing == .contentLength)
        #expect(first.headers["x-a"] == "1, 2")
        #expect(!first.closesConnection)
        let second = try feed.next()
        #expect(second.status == 404)
        #expect(second.body.isEmpty)
    }

    @Test("a chunked body is decoded, chunk extensions and trailers skipped")
    func chunked() throws {
        var feed = Feed(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\nX-Trailer: t\r\n\r\nrest"
        )
        let response = try feed.next()
        #expect(response.text == #"{"a":1}"#)
        #expect(response.framing == .chunked)
        #expect(feed.reader.buffer.isEmpty)
        #expect(feed.wire == Array("rest".utf8))
    }

    @Test("without a length the body runs to the end of the stream, and the server closes")
    func untilClose() throws {
        var feed = Feed("HTTP/1.0 200 OK\r\nServer: BaseHTTP/0.6\r\n\r\n{\"node\":{}}")
        let response = try feed.next()
        #expect(response.version == "HTTP/1.0")
        #expect(response.text == #"{"node":{}}"#)
        #expect(response.framing == .untilClose)
        #expect(response.closesConnection)
    }

    @Test("interim 100 Continue is listed and skipped; HEAD, 204 and 304 have no body")
    func interimAndBodiless() throws {
        var feed = Feed("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")
        let continued = try feed.next()
        #expect(continued.interimStatuses == [100])
        #expect(continued.status == 200)
        var head = Feed("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 30\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n")
        #expect(try head.next(hasBody: false).framing == .none)
        let empty = try head.next()
        #expect(empty.status == 204)
        #expect(empty.framing == .none)
    }

    @Test(
        "what is not a complete HTTP/1.x response fails with the reason",
        arguments: [
            ("", WireError.Kind.closed), ("HTTP/1.1 200 OK\r\n", .closed),
            ("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n{}", .closed), ("SSH-2.0-OpenSSH\r\n\r\n", .malformed),
            ("HTTP/1.1 abc OK\r\n\r\n", .malformed), ("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", .malformed),
            ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", .malformed),
        ])
    func incomplete(wire: String, kind: WireError.Kind) {
        var feed = Feed(wire)
        do {
            let response = try feed.next()
            Issue.record("parsed as \(response.status)")
        } catch {
            #expect(error.kind == kind, "\(error)")
        }
    }
}
