import Foundation

/// Parses HTTP/1.x responses out of the bytes a connection has received, asking for more as it needs them.
///
/// `more` returns what the next read produced, or `nil` at the end of the stream; the reader appends it to
/// ``buffer``. Bytes
/// after a response stay in the buffer for the next one, so responses read back to back on a keep-alive connection
/// (or pipelined) are each complete.
struct WireResponseReader {
    /// Received bytes not yet consumed.
    var buffer: [UInt8] = []

    private static let lineEnd: [UInt8] = [13, 10]
    private static let headEnd: [UInt8] = [13, 10, 13, 10]

    /// The next final (non-1xx) response; `hasBody: false` for a reply to `HEAD`.
    mutating func response(hasBody: Bool, more: () throws(WireError) -> [UInt8]?) throws(WireError) -> WireResponse {
        var interim: [Int] = []
        while true {
            var response = try head(more: more)
            if (100..<200).contains(response.status) && response.status != 101 {
                interim.append(response.status)
                continue
            }
            response.interimStatuses = interim
            try readBody(of: &response, hasBody: hasBody, more: more)
            return response
        }
    }

    /// Status line and headers.
    private mutating func head(more: () throws(WireError) -> [UInt8]?) throws(WireError) -> WireResponse {
        let end = try find(Self.headEnd, more: more, what: "the end of the response head")
        let text = String(decoding: buffer[..<end], as: UTF8.self)
        buffer.removeFirst(end + Self.headEnd.count)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]), (100..<1000).contains(status)
        else { throw WireError(.malformed, "not an HTTP/1.x status line: \(statusLine.prefix(120))") }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        return WireResponse(
            version: String(parts[0]), status: status, reason: parts.count > 2 ? String(parts[2]) : "",
            headers: headers)
    }

    private mutating func readBody(
        of response: inout WireResponse, hasBody: Bool, more: () throws(WireError) -> [UInt8]?
    ) throws(WireError) {
        if !hasBody || response.status == 204 || response.status == 304 {
            response.framing = .none
        } else if response.headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            response.framing = .chunked
            response.body = try chunkedBody(more: more)
        } else if let text = response.headers["content-length"] {
            guard let length = Int(text), length >= 0 else {
                throw WireError(.malformed, "Content-Length '\(text)' is not a length")
            }
            try fill(length, more: more, what: "the \(length)-byte body")
            response.framing = .contentLength
            response.body = Array(buffer[..<length])
            buffer.removeFirst(length)
        } else {
            while let bytes = try more() { buffer += bytes }
            response.framing = .untilClose
            response.body = buffer
            buffer = []
        }
    }

    private mutating func chunkedBody(more: () throws(WireError) -> [UInt8]?) throws(WireError) -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let end = try find(Self.lineEnd, more: more, what: "a chunk size")
            let line = String(decoding: buffer[..<end], as: UTF8.self)
            let digits = line.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard let size = Int(digits, radix: 16), size >= 0 else {
                throw WireError(.malformed, "chunk size '\(line.prefix(40))' is not hexadecimal")
            }
            buffer.removeFirst(end + 2)
            if size == 0 { break }
            try fill(size + 2, more: more, what: "a \(size)-byte chunk")
            body += buffer[..<size]
            buffer.removeFirst(size + 2)
        }
        // Trailer lines up to the empty line that ends the message.
        while true {
            let end = try find(Self.lineEnd, more: more, what: "the end of the chunked body")
            buffer.removeFirst(end + 2)
            if end == 0 { return body }
        }
    }

    /// Reads until the buffer holds `count` bytes.
    private mutating func fill(_ count: Int, more: () throws(WireError) -> [UInt8]?, what: String) throws(WireError) {
        while buffer.count < count {
            guard let bytes = try more() else {
                throw WireError(.closed, "the connection closed before \(what) (\(buffer.count) of \(count) bytes)")
            }
            buffer += bytes
        }
    }

    /// The offset of `marker` in the buffer, reading until it appears.
    private mutating func find(_ marker: [UInt8], more: () throws(WireError) -> [UInt8]?, what: String)
        throws(WireError) -> Int
    {
        var searched = 0
        while true {
            if let range = buffer[searched...].firstRange(of: marker) { return range.lowerBound }
            searched = max(0, buffer.count - marker.count + 1)
            guard let bytes = try more() else {
                throw WireError(
                    .closed,
                    buffer.isEmpty
                        ? "the connection closed without a reply"
                        : "the connection closed before \(what): \(String(decoding: buffer.prefix(200), as: UTF8.self))"
                )
            }
            buffer += bytes
        }
    }
}
