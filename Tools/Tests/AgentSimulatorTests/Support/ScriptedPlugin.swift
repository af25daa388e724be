import ArgoModels
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A deliberately misbehaving plugin: a raw HTTP server on 127.0.0.1 that answers each request with the next
/// scripted reply (the last one repeats), or with what a responder computes from the request, and records what
/// it received and how many requests it was serving at once at most.
///
/// Raw sockets, not the SDK, so it can do what no SDK plugin would: answer garbage, stall past the timeout,
/// close the connection mid-reply.
final class ScriptedPlugin: Sendable {
    /// One scripted answer.
    struct Reply: Sendable {
        var status: Int
        var body: String
        var delay: Swift.Duration = .zero
        /// Close the connection without answering.
        var hangUp = false

        static func ok(_ body: String) -> Reply { Reply(status: 200, body: body) }
        static let notMine = Reply(status: 200, body: "{}")
        static let succeeded = Reply(status: 200, body: #"{"node":{"phase":"Succeeded","message":"done"}}"#)
    }

    /// A request as received.
    struct Received: Sendable {
        var requestLine: String
        var headers: [String: String]
        var body: String
        /// When the request was read completely.
        var arrival = Date()
    }

    let port: Int
    private let listener: Int32
    private let state: Mutex<(script: [Reply], received: [Received])>
    private let responder: (@Sendable (Received) -> Reply)?
    private let stopped = Atomic<Bool>(false)
    private let connections = Mutex<Set<Int32>>([])
    private let inFlight = Mutex<(current: Int, peak: Int)>((0, 0))

    /// A plugin that answers with `respond(request)`.
    convenience init(respond: @escaping @Sendable (Received) -> Reply) throws {
        try self.init([.notMine], responder: respond)
    }

    init(_ script: [Reply], responder: (@Sendable (Received) -> Reply)? = nil) throws {
        state = Mutex((script, []))
        self.responder = responder
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        // No SO_REUSEADDR: a port that still has connections from an earlier test is never handed out again, so a
        // client's pooled keep-alive connection cannot reach the wrong script.
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 64) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in
            while !stopped.load(ordering: .relaxed) {
                let client = accept(listener, nil, nil)
                if client < 0 { break }
                Thread.detachNewThread { self.serve(client) }
            }
        }
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// Everything received so far.
    var received: [Received] { state.withLock { $0.received } }

    /// When each request arrived, in order.
    var arrivals: [Date] { received.map(\.arrival) }

    /// The most requests that were being answered at the same moment.
    var peakConcurrency: Int { inFlight.withLock { $0.peak } }

    /// Stops accepting; idempotent, so the listener is closed exactly once.
    func stop() {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        // Each serving thread sees end of stream and closes its own descriptor.
        connections.withLock { open in
            for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    deinit { stop() }

    private func serve(_ fd: Int32) {
        connections.withLock { _ = $0.insert(fd) }
        defer {
            connections.withLock { _ = $0.remove(fd) }
            close(fd)
        }
        while let request = read(fd) {
            inFlight.withLock {
                $0.current += 1
                $0.peak = max($0.peak, $0.current)
            }
            var reply = state.withLock { state -> Reply in
                state.received.append(request)
                return state.script.count > 1 ? state.script.removeFirst() : state.script[0]
            }
            if let responder { reply = responder(request) }
            if reply.delay > .zero { Thread.sleep(forTimeInterval: Double(reply.delay.components.seconds) + Double(reply.delay.components.attoseconds) / 1e18) }
            inFlight.withLock { $0.current -= 1 }
            if reply.hangUp { return }
            let body = Array(reply.body.utf8)
            let head = "HTTP/1.1 \(reply.status) \(Self.reason(reply.status))\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.count)\r\n\r\n"
            let bytes = Array(head.utf8) + body
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        }
    }

    /// Reads one request (head and Content-Length body); nil at end of stream.
    private func read(_ fd: Int32) -> Received? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 8192)
        while true {
            if let end = buffer.firstRange(of: [13, 10, 13, 10]) {
                let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                var lines = head.components(separatedBy: "\r\n")
                let requestLine = lines.removeFirst()
                var headers: [String: String] = [:]
                for line in lines {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
                }
                let length = Int(headers["content-length"] ?? "0") ?? 0
                while buffer.count - end.upperBound < length {
                    let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                    if count <= 0 { return nil }
                    buffer += chunk[0..<count]
                }
                let body = String(decoding: buffer[end.upperBound..<(end.upperBound + length)], as: UTF8.self)
                return Received(requestLine: requestLine, headers: headers, body: body)
            }
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { return nil }
            buffer += chunk[0..<count]
        }
    }

    static func reason(_ status: Int) -> String {
        [200: "OK", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error", 503: "Service Unavailable"][status]
            ?? "Status"
    }
}

extension ScriptedPlugin.Received {
    /// The `template` the agent sent, as JSON.
    var template: JSONValue {
        ((try? JSONDecoder().decode(JSONValue.self, from: Data(body.utf8)))?["template"]) ?? .null
    }
}
