import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A port on 127.0.0.1 that is bound but never listens, for "the plugin is not running" tests: a connection to it is
/// refused, and no other listener (another test's, in a parallel run) can take the port while this value lives.
/// Stopping a server and reusing its port is not the same: the kernel may hand that port to the next listener.
public final class RefusingPort: Sendable {
    /// The port the kernel chose.
    public let port: Int
    private let descriptor: Int32

    /// Binds a socket to a port the kernel chooses, without listening on it.
    public init() throws {
        (descriptor, port) = try Self.bindLoopback()
    }

    /// A TCP socket bound to 127.0.0.1 on a port the kernel chooses, and that port; the caller closes it.
    static func bindLoopback() throws -> (descriptor: Int32, port: Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard descriptor >= 0, bound == 0 else {
            if descriptor >= 0 { close(descriptor) }
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// `http://127.0.0.1:<port>`.
    public var url: String { "http://127.0.0.1:\(port)" }

    deinit { close(descriptor) }
}
