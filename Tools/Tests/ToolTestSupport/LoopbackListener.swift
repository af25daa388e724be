import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP listener on 127.0.0.1 with an ephemeral port that hands each connection to `serve` on a thread of its
/// own: the server half of the tools' scripted plugins (the client half is the SDK's `WireConnection`).
///
/// With RefusingPort.swift (which binds the socket), the only file of the tools' tests with socket calls and the
/// pointer code they need (sockaddr, read and write buffers). ``stop()`` closes the listener and shuts down every open connection, so serving threads end.
public final class LoopbackListener: Sendable {
    /// The port the kernel chose.
    public let port: Int
    private let listener: Int32
    private let stopped = Atomic<Bool>(false)
    private let open = Mutex<Set<Int32>>([])

    /// Listens and starts accepting. No `SO_REUSEADDR`: a port that still has connections from an earlier test is
    /// never handed out again, so a client's pooled keep-alive connection cannot reach the wrong server.
    public init(backlog: Int32 = 64, serve: @escaping @Sendable (LoopbackPeer) -> Void) throws {
        let (listener, port) = try RefusingPort.bindLoopback()
        guard listen(listener, backlog) == 0 else {
            close(listener)
            throw POSIXError(.EADDRINUSE)
        }
        self.listener = listener
        self.port = port
        Thread.detachNewThread { [self] in
            while !stopped.load(ordering: .relaxed) {
                let fd = accept(listener, nil, nil)
                if fd < 0 { break }
                open.withLock { _ = $0.insert(fd) }
                Thread.detachNewThread { [self] in
                    serve(LoopbackPeer(descriptor: fd))
                    open.withLock { _ = $0.remove(fd) }
                    close(fd)
                }
            }
        }
    }

    /// Stops accepting and shuts down open connections; idempotent, so the listener is closed exactly once.
    public func stop() {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        open.withLock { fds in
            for fd in fds { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    deinit { stop() }
}

/// One accepted connection, valid while its `serve` call runs; the listener closes it afterwards.
public struct LoopbackPeer: Sendable {
    let descriptor: Int32

    /// The next bytes received (at most `capacity`), or `nil` at the end of the stream, after an error, or when
    /// nothing arrives within `timeout` (when given).
    public func read(capacity: Int = 65_536, timeout: Duration? = nil) -> [UInt8]? {
        if let timeout {
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(
                timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
            guard poll(&entry, 1, milliseconds) > 0 else { return nil }
        }
        var buffer = [UInt8](repeating: 0, count: capacity)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        return count > 0 ? Array(buffer[..<count]) : nil
    }

    /// Writes every byte; `false` when the peer has gone.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }
}
