import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A deliberately low-level HTTP/1.1 client over a blocking TCP socket, so tests control exactly what goes on the
/// wire: chunked bodies, bodies split over many writes, keep-alive reuse, `Expect: 100-continue`, lying headers.
final class RawHTTPClient {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var bodyText: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) }
    }

    enum ClientError: Error { case connect(Int32), closed, malformed(String), timeout }

    private let fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:port with a receive timeout.
    init(port: Int, timeoutSeconds: Int = 10) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: TimeAllowance.wholeSeconds(timeoutSeconds), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result != 0 {
            // No close here: a class whose initializer throws after every property is set still runs `deinit`,
            // which closes `fd`. Closing twice would close whatever descriptor another thread opened meanwhile.
            throw ClientError.connect(errno)
        }
    }

    deinit { close(fd) }

    /// Writes raw bytes.
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written <= 0 { throw ClientError.closed }
            offset += written
        }
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Sends a complete request with Content-Length.
    func post(
        _ path: String, body: [UInt8], token: String?, extraHeaders: [String] = [], method: String = "POST"
    ) throws {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        for header in extraHeaders { head += header + "\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        try send(Array(head.utf8) + body)
    }

    /// Sends a request and reads its response.
    func call(
        _ path: String, body: String, token: String?, extraHeaders: [String] = [], method: String = "POST"
    ) throws -> Response {
        try post(path, body: Array(body.utf8), token: token, extraHeaders: extraHeaders, method: method)
        return try readResponse()
    }

    /// Sends the head of a chunked request.
    func startChunked(_ path: String, token: String?, extraHeaders: [String] = []) throws {
        var head = "POST \(path) HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        for header in extraHeaders { head += header + "\r\n" }
        try send(head + "\r\n")
    }

    /// Sends one chunk of a chunked body.
    func sendChunk(_ bytes: [UInt8]) throws {
        try send(Array(String(bytes.count, radix: 16).utf8) + Array("\r\n".utf8) + bytes + Array("\r\n".utf8))
    }

    /// Ends a chunked body.
    func endChunked() throws { try send("0\r\n\r\n") }

    /// Reads one response (status line, headers, Content-Length or chunked body). `bodyless` is for replies to
    /// HEAD, which announce a length but carry no body.
    func readResponse(bodyless: Bool = false) throws -> Response {
        let headEnd = try readUntil(Array("\r\n\r\n".utf8))
        let headText = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw ClientError.malformed(statusLine) }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if status == 100 { return try readResponse(bodyless: bodyless) }
        var body: [UInt8] = []
        if bodyless {
            return Response(status: status, headers: headers, body: body)
        } else if let length = headers["content-length"].flatMap({ Int($0) }) {
            try fill(length)
            body = Array(buffer[..<length])
            buffer.removeFirst(length)
        } else if headers["transfer-encoding"]?.lowercased() == "chunked" {
            while true {
                let lineEnd = try readUntil(Array("\r\n".utf8))
                let size = Int(String(decoding: buffer[..<lineEnd], as: UTF8.self), radix: 16) ?? 0
                buffer.removeFirst(lineEnd + 2)
                try fill(size + 2)
                body += buffer[..<size]
                buffer.removeFirst(size + 2)
                if size == 0 { break }
            }
        }
        return Response(status: status, headers: headers, body: body)
    }

    /// Whether the server has closed the connection (reads EOF within the timeout).
    func isClosedByPeer() -> Bool {
        var byte: UInt8 = 0
        return read(fd, &byte, 1) == 0
    }

    /// Reads whatever bytes are available straight from the socket (bypassing the response buffer).
    func readAvailable(into target: inout [UInt8]) throws -> Int {
        let count = read(fd, &target, target.count)
        if count <= 0 { throw ClientError.closed }
        return count
    }

    private func readMore() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = read(fd, &chunk, chunk.count)
        if count == 0 { throw ClientError.closed }
        if count < 0 { throw errno == EAGAIN || errno == EWOULDBLOCK ? ClientError.timeout : ClientError.closed }
        buffer += chunk[..<count]
    }

    private func fill(_ count: Int) throws {
        while buffer.count < count { try readMore() }
    }

    private func readUntil(_ marker: [UInt8]) throws -> Int {
        var searchFrom = 0
        while true {
            if buffer.count >= marker.count {
                for start in searchFrom...(buffer.count - marker.count) where buffer[start] == marker[0] {
                    if Array(buffer[start..<start + marker.count]) == marker { return start }
                }
                searchFrom = max(0, buffer.count - marker.count + 1)
            }
            try readMore()
        }
    }
}
