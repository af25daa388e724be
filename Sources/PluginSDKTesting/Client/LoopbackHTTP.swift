import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One HTTP/1.1 request over a fresh TCP connection to 127.0.0.1, on a thread of its own.
///
/// Deliberately small: the live test client needs exactly one request per connection (`Connection: close`), a
/// receive timeout, and the status and body of the reply. It never sees a network beyond loopback.
enum LoopbackHTTP {
    /// Why a live call did not produce a reply.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends the request and returns the status and body; runs the blocking socket work off the cooperative pool.
    static func send(
        port: Int, verb: String, path: String, authorization: String?, body: [UInt8], timeoutSeconds: Int
    ) async throws -> PluginCallResult {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result {
                        try exchange(
                            port: port, verb: verb, path: path, authorization: authorization, body: body,
                            timeoutSeconds: timeoutSeconds)
                    })
            }
        }
    }

    private static func exchange(
        port: Int, verb: String, path: String, authorization: String?, body: [UInt8], timeoutSeconds: Int
    ) throws -> PluginCallResult {
        let fd = try connectLoopback(port: port, timeoutSeconds: timeoutSeconds)
        defer { close(fd) }
        var head = "\(verb) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\n"
        if let authorization { head += "Authorization: \(authorization)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        try writeAll(fd, Array(head.utf8) + body)
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    throw Failure(description: "no reply from 127.0.0.1:\(port)\(path) within \(timeoutSeconds) s")
                }
                throw Failure(description: "reading from 127.0.0.1:\(port) failed (errno \(errno))")
            }
            received.append(contentsOf: chunk[0..<count])
        }
        return try parse(received)
    }

    private static func connectLoopback(port: Int, timeoutSeconds: Int) throws -> Int32 {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket() failed (errno \(errno))") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port) (errno \(code)): is the server running?")
        }
        return fd
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            // The server may answer (403, 413) and close before reading the whole body: keep what it said.
            if written <= 0 { return }
            offset += written
        }
    }

    /// Splits status line, headers and body; honours `Content-Length` when present.
    static func parse(_ bytes: [UInt8]) throws -> PluginCallResult {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = bytes.firstRange(of: separator) else {
            throw Failure(description: "the connection closed before a complete HTTP reply (\(bytes.count) bytes)")
        }
        let head = String(decoding: bytes[..<end.lowerBound], as: UTF8.self)
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure(description: "malformed status line: \(lines.first ?? "")")
        }
        var body = Array(bytes[end.upperBound...])
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length",
                let length = Int(parts[1].trimmingCharacters(in: .whitespaces)), length <= body.count
            {
                body = Array(body[..<length])
            }
        }
        return PluginCallResult(status: status, body: body)
    }
}
