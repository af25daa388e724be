#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP client socket to 127.0.0.1, closed on deinit.
final class LoopbackSocket {
    private let fd: Int32

    init?(port: Int, receiveTimeoutMilliseconds: Int) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var timeout = timeval(tv_sec: receiveTimeoutMilliseconds / 1000, tv_usec: (receiveTimeoutMilliseconds % 1000) * 1000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        // deinit closes `fd` also when this initializer fails.
        guard connected else { return nil }
    }

    deinit { close(fd) }

    /// Sends everything it can; stops quietly when the server has closed.
    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    /// Half-closes: the server sees the end of the request stream.
    func finishSending() { shutdown(fd, Int32(SHUT_WR)) }

    /// Reads until the server closes, the receive timeout passes, or `limit` bytes.
    func receiveAll(limit: Int) -> [UInt8] {
        var reply: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while reply.count < limit {
            let count = recv(fd, &chunk, chunk.count, 0)
            if count <= 0 { break }
            reply += chunk[..<count]
        }
        return reply
    }
}
