import PluginSDKTesting

#if canImport(Glibc)
import Glibc
#endif

/// Raw bytes through libmicrohttpd's HTTP parser on a live loopback server, then the whole request path.
///
/// Input layout: the bytes are sent as they are, except that every `@TOKEN@` becomes the real token, so the
/// corpus can hold authorized requests. The client half-closes, reads what comes back for a short while, and
/// checks each status line it got.
enum SocketRoute {
    static let placeholder = Array("@TOKEN@".utf8)

    static func run(_ input: ArraySlice<UInt8>, port: Int, token: String) {
        let (bytes, authorized) = substitute(Array(input), token: Array(token.utf8))
        // A 400 may quote the caller's own body near the syntax error; when the token may sit in a body (after the
        // first blank line), its echo to the same caller is not a leak. Logs must never hold it either way.
        let headEnd = firstBlankLine(in: Array(input)) ?? input.count
        let tokenInBody = substitute(Array(Array(input)[min(headEnd, input.count)...]), token: []).1
        let connection: WireConnection
        do {
            connection = try connect(port: port)
        } catch {
            fatalError("the server stopped accepting connections (last connect: \(error))")
        }
        // The server may answer and close before taking every byte; what it answered is still read.
        try? connection.send(bytes)
        connection.finishSending()
        let reply = connection.receiveUntilClosed(limit: 1 << 20)
        check(reply, authorized: authorized, token: tokenInBody ? nil : token)
    }

    /// A connection to the server whose reads give up after 30 ms of silence, retried for up to a second: at
    /// thousands of connections a second a single connect on loopback can fail transiently (seen once in 90,000
    /// runs); a server that stopped accepting fails every attempt, and the last error is thrown.
    static func connect(port: Int) throws(WireError) -> WireConnection {
        var attempt = 0
        while true {
            do {
                return try WireConnection(port: port, timeout: .milliseconds(30))
            } catch {
                attempt += 1
                if attempt == 50 { throw error }
                usleep(20_000)
            }
        }
    }

    /// Offset of the first `\r\n\r\n`, if any.
    static func firstBlankLine(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    /// Replaces each `@TOKEN@`; says whether any was there.
    static func substitute(_ bytes: [UInt8], token: [UInt8]) -> ([UInt8], Bool) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var found = false
        while index < bytes.count {
            if bytes[index] == placeholder[0], index + placeholder.count <= bytes.count,
                Array(bytes[index..<index + placeholder.count]) == placeholder
            {
                out += token
                index += placeholder.count
                found = true
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return (out, found)
    }

    /// Every status line in the reply: no 5xx but 503 (and libmicrohttpd's 505), no 200 to a request that did not
    /// carry the token, and no token in the reply unless `token` is `nil`.
    static func check(_ reply: [UInt8], authorized: Bool, token: String?) {
        let text = String(decoding: reply, as: UTF8.self)
        if let token, text.contains(token) { fatalError("the token reached a reply") }
        for line in text.split(separator: "\r\n") where line.hasPrefix("HTTP/1.") {
            let parts = line.split(separator: " ")
            guard parts.count >= 2, let status = Int(parts[1]) else { continue }
            if status >= 500 && status != 503 && status != 505 { fatalError("status \(status): \(text.prefix(400))") }
            if status == 200 && !authorized { fatalError("200 without the token: \(text.prefix(400))") }
        }
    }
}
