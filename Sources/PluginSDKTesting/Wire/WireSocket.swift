private import CWireSocket

/// The socket under a ``WireConnection``: the only Swift file that calls the C shim `CWireSocket`.
///
/// Arrays pass to C as buffers by Swift's implicit array-to-pointer conversion, valid for the duration of the call;
/// no pointer is formed or kept here. Every wait for the peer is bounded by `milliseconds`.
struct WireSocket {
    /// The connected descriptor; closed by ``close()`` only.
    let descriptor: Int32

    /// Connects to `host:port`, waiting at most `milliseconds`.
    static func connect(host: String, port: Int, milliseconds: Int32) throws(WireError) -> WireSocket {
        var error: Int32 = 0
        let descriptor = CWireSocket_connect(host, Int32(clamping: port), milliseconds, &error)
        guard descriptor >= 0 else {
            throw error == -1
                ? WireError(.connect, "cannot resolve host \(host)")
                : WireError(.connect, "cannot connect to \(host):\(port): \(describe(errno: error))")
        }
        return WireSocket(descriptor: descriptor)
    }

    /// Writes every byte; returns 0 or an errno value, with how many bytes went out.
    func send(_ bytes: [UInt8], milliseconds: Int32) -> (error: Int32, sent: Int) {
        var sent = 0
        let error = CWireSocket_send(descriptor, bytes, bytes.count, milliseconds, &sent)
        return (error, sent)
    }

    /// Reads up to `capacity` bytes: `.bytes` (never empty), `.end` of stream, or `.failed` with an errno value.
    func receive(capacity: Int, milliseconds: Int32) -> Received {
        var buffer = [UInt8](repeating: 0, count: capacity)
        let count = CWireSocket_receive(descriptor, &buffer, capacity, milliseconds)
        if count > 0 {
            buffer.removeSubrange(Int(count)...)
            return .bytes(buffer)
        }
        return count == 0 ? .end : .failed(Int32(-count))
    }

    /// What one read produced.
    enum Received {
        case bytes([UInt8])
        case end
        case failed(Int32)
    }

    /// Half-closes the sending side.
    func shutdownWrite() { _ = CWireSocket_shutdownWrite(descriptor) }

    /// Closes the descriptor.
    func close() { CWireSocket_close(descriptor) }

    /// `ETIMEDOUT`, for telling a timeout from other failures.
    static var timedOut: Int32 { CWireSocket_timedOut() }

    /// The C library's text for an errno value, e.g. `Connection refused (errno 111)`.
    static func describe(errno: Int32) -> String {
        "\(String(cString: CWireSocket_describe(errno))) (errno \(errno))"
    }
}
