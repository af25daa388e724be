// The only Swift file that talks to libmicrohttpd. It turns C callbacks into `HTTPRequestHead` / `HTTPRequest`
// values, hands them to an `HTTPResponder`, and turns `HTTPResponse` values back into libmicrohttpd replies.
// Everything above this file works on plain Swift values; every pointer stays here.
internal import CMicroHTTPD
import Logging
import Synchronization

/// Transport settings, derived from `PluginConfiguration`.
struct TransportSettings: Sendable {
    var host: String
    var port: Int
    var threads: Int
    var connectionTimeoutSeconds: Int
    var connectionLimit: Int
    var maxHeaderBytes: Int
    var maxBodyBytes: Int
    var callTimeout: Swift.Duration
    /// Collect every header and query parameter into `HTTPRequestHead.details` (fake services only).
    var collectsDetails = false
}

/// Errors starting the transport.
struct TransportStartError: Error, CustomStringConvertible {
    var description: String
}

/// An embedded libmicrohttpd daemon (epoll thread pool, suspend/resume) serving one `HTTPResponder`.
///
/// A handler runs inline on the libmicrohttpd worker through `Task.immediate`: when it finishes without suspending,
/// the reply is queued at once; when it suspends (an `await` on I/O), the connection is suspended, the worker moves
/// on, and the task resumes the connection when the reply is ready. Calls that outlive `callTimeout` are answered
/// by the responder's deadline reply.
final class MicroHTTPDServer: Sendable {
    let settings: TransportSettings
    let responder: any HTTPResponder
    let logger: Logger
    /// Requests handed to the responder whose reply has not been sent yet.
    let inflight = Atomic<Int>(0)
    /// Set when draining: new calls are answered by `responder.shuttingDown()`.
    let draining = Atomic<Bool>(false)
    /// Requests whose state libmicrohttpd still holds (from the head until the completion callback); for tests
    /// that prove vanished clients leave nothing behind.
    let openRequests = Atomic<Int>(0)
    private let handle = Mutex<DaemonHandle?>(nil)

    init(settings: TransportSettings, responder: any HTTPResponder, logger: Logger) {
        self.settings = settings
        self.responder = responder
        self.logger = logger
    }

    /// Binds and starts serving; returns the bound port (useful with port 0).
    func start() throws -> Int {
        var options = CMHD_Options()
        options.thread_pool_size = UInt32(max(1, settings.threads))
        options.connection_timeout_seconds = UInt32(max(0, settings.connectionTimeoutSeconds))
        options.connection_limit = UInt32(max(0, settings.connectionLimit))
        options.connection_memory_limit = max(0, settings.maxHeaderBytes)
        options.listen_backlog = 1024
        // The daemon holds this pointer until `CMHD_stop`; the retain is released in `stop`.
        let context = Unmanaged.passRetained(self).toOpaque()
        var error = [CChar](repeating: 0, count: 256)
        let server = CMHD_start(
            settings.host, UInt16(clamping: settings.port), &options,
            MicroHTTPDCallbacks.access, context, MicroHTTPDCallbacks.completed, context,
            MicroHTTPDCallbacks.log, context, &error, error.count)
        guard let server else {
            Unmanaged<MicroHTTPDServer>.fromOpaque(context).release()
            let message = error.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            throw TransportStartError(description: message)
        }
        handle.withLock { $0 = DaemonHandle(raw: server) }
        return Int(CMHD_bound_port(server))
    }

    /// Stops accepting connections, lets in-flight calls finish within `grace`, then stops the daemon.
    ///
    /// Returns `true` when every call finished in time. If some did not, the daemon is left running (libmicrohttpd
    /// aborts when stopped with a suspended connection) and the caller is expected to exit the process.
    func drain(grace: Swift.Duration) async -> Bool {
        draining.store(true, ordering: .sequentiallyConsistent)
        guard let daemon = handle.withLock({ $0 }) else { return true }
        CMHD_quiesce(daemon.raw)
        let deadline = ContinuousClock.now.advanced(by: grace)
        while inflight.load(ordering: .sequentiallyConsistent) > 0 {
            if ContinuousClock.now >= deadline {
                let left = inflight.load(ordering: .sequentiallyConsistent)
                logger.warning("grace period over with calls still running", metadata: ["calls": "\(left)"])
                return false
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        handle.withLock { $0 = nil }
        CMHD_stop(daemon.raw)
        Unmanaged<MicroHTTPDServer>.passUnretained(self).release()
        return true
    }

    // MARK: Per-request steps, called on the libmicrohttpd worker that owns the connection.

    fileprivate func begin(
        _ connection: OpaquePointer, url: UnsafePointer<CChar>?, method: UnsafePointer<CChar>?,
        context: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        let (path, rpc) = url.map(Self.route) ?? ("/", nil)
        var head = HTTPRequestHead(
            method: method.map { String(cString: $0) } ?? "", path: path, rpc: rpc,
            authorization: Self.header("Authorization", of: connection),
            contentLength: Self.header("Content-Length", of: connection).flatMap { Int($0) },
            framingError: CMHD_conflicting_content_lengths(connection) != 0
                ? "conflicting Content-Length headers" : nil)
        if settings.collectsDetails { head.details = Self.details(of: connection) }
        let state = RequestState(head: head)
        context.pointee = Unmanaged.passRetained(state).toOpaque()
        openRequests.add(1, ordering: .relaxed)
        if let early = responder.respondEarly(to: head) {
            state.answered = true
            return Self.queue(early, on: connection)
        }
        if let length = head.contentLength {
            if length > settings.maxBodyBytes {
                state.answered = true
                return Self.queue(responder.payloadTooLarge(limit: settings.maxBodyBytes), on: connection)
            }
            // At most 1 MiB up front: a client may announce the limit and then send nothing, or vanish.
            state.body.reserveCapacity(min(length, 1 << 20))
        }
        return .YES
    }

    fileprivate func proceed(
        _ state: RequestState, _ connection: OpaquePointer, data: UnsafePointer<CChar>?,
        size: UnsafeMutablePointer<Int>
    ) -> MHD_Result {
        let count = size.pointee
        if count > 0 {
            size.pointee = 0
            if state.answered || state.tooLarge { return .YES }
            if state.body.count + count > settings.maxBodyBytes {
                // Over the limit mid-stream (chunked, or a lying Content-Length): drop what we have and refuse.
                state.tooLarge = true
                state.body = []
                if Self.queue(responder.payloadTooLarge(limit: settings.maxBodyBytes), on: connection) == .YES {
                    state.answered = true
                }
                return .YES
            }
            if let data {
                state.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: count))
            }
            return .YES
        }
        if state.answered { return .YES }
        if state.tooLarge {
            state.answered = true
            return Self.queue(responder.payloadTooLarge(limit: settings.maxBodyBytes), on: connection)
        }
        if state.dispatched {
            // Called again after `MHD_resume_connection`: the reply is ready.
            guard let response = state.takeResponse() else { return .NO }
            state.answered = true
            return Self.queue(response, on: connection)
        }
        return dispatch(state, connection)
    }

    private func dispatch(_ state: RequestState, _ connection: OpaquePointer) -> MHD_Result {
        inflight.add(1, ordering: .sequentiallyConsistent)
        // Pairs with `drain`: either the drainer sees this call counted, or this call sees the draining flag.
        if draining.load(ordering: .sequentiallyConsistent) {
            inflight.subtract(1, ordering: .sequentiallyConsistent)
            state.answered = true
            return Self.queue(responder.shuttingDown(), on: connection)
        }
        state.dispatched = true
        let request = HTTPRequest(head: state.head, body: state.body, headChecked: true)
        state.body = []
        let responder = self.responder
        let peer = ConnectionRef(raw: connection)
        let task = Task.immediate {
            let response = await responder.respond(to: request)
            if state.complete(with: response) {
                state.timer?.cancel()
                MHD_resume_connection(peer.raw)
            }
        }
        if let response = state.takeResponse() {
            state.answered = true
            return Self.queue(response, on: connection)
        }
        // The handler suspended: park the connection until it completes or its deadline passes.
        state.handler = task
        MHD_suspend_connection(connection)
        let deadline = ContinuousClock.now.advanced(by: settings.callTimeout)
        let timer = Task {
            // Short naps, not one sleep to the deadline: a cancelled sleep's timer stays queued, holding its task,
            // until the time it was set for. With one 25 s sleep per call, a plugin awaiting 5 ms at 11k calls/s
            // kept 25 s of finished timer tasks alive (RSS 106 MiB); with naps they live a quarter second at most.
            while ContinuousClock.now < deadline {
                try? await Task.sleep(for: min(Self.deadlineNap, ContinuousClock.now.duration(to: deadline)))
                if Task.isCancelled || state.isCompleted { return }
            }
            if state.complete(with: responder.deadlineExceeded()) {
                state.handler?.cancel()
                MHD_resume_connection(peer.raw)
            }
        }
        state.timer = timer
        if !state.markSuspended() {
            // Completed between the check above and the suspension: resume at once.
            timer.cancel()
            MHD_resume_connection(connection)
        }
        return .YES
    }

    /// The longest a suspended call's deadline task sleeps before checking whether the call is over.
    static let deadlineNap = Swift.Duration.milliseconds(250)

    fileprivate func finished(_ state: RequestState) {
        openRequests.subtract(1, ordering: .relaxed)
        if state.dispatched { inflight.subtract(1, ordering: .sequentiallyConsistent) }
    }

    /// The URL's path without its query (`/api/v1/template.execute?x` → `/api/v1/template.execute`), and the
    /// plugin method it names. A method's path is matched on the C string's bytes and given as the method's own
    /// (literal) path, so the calls Argo makes build no `String` for it; any other path is copied.
    static func route(_ url: UnsafePointer<CChar>) -> (path: String, rpc: PluginMethod?) {
        var length = 0
        while url[length] != 0 && url[length] != CChar(UInt8(ascii: "?")) { length += 1 }
        let bytes = UnsafeRawBufferPointer(start: url, count: length).bindMemory(to: UInt8.self)
        if let method = PluginMethod(pathUTF8: bytes) { return (method.path, method) }
        return (String(decoding: bytes, as: UTF8.self), nil)
    }

    // MARK: C helpers

    private static func header(_ name: String, of connection: OpaquePointer) -> String? {
        MHD_lookup_connection_value(connection, .HEADER_KIND, name).map { String(cString: $0) }
    }

    /// Every header and query parameter of the request (fake services record them).
    private static func details(of connection: OpaquePointer) -> HTTPRequestDetails {
        var pairs: [(String, String)] = []
        _ = withUnsafeMutablePointer(to: &pairs) { pointer in
            MHD_get_connection_values(connection, .HEADER_KIND, MicroHTTPDCallbacks.collectPair, pointer)
        }
        var details = HTTPRequestDetails(headers: pairs)
        pairs = []
        _ = withUnsafeMutablePointer(to: &pairs) { pointer in
            MHD_get_connection_values(connection, .GET_ARGUMENT_KIND, MicroHTTPDCallbacks.collectPair, pointer)
        }
        details.query = pairs
        return details
    }

    private static func queue(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
        // Returning NO makes libmicrohttpd close the connection without a reply: a fake service's dropped call.
        if response.dropConnection { return .NO }
        let reply = response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(
                bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
        }
        guard let reply else { return .NO }
        MHD_add_response_header(reply, "Content-Type", response.contentType)
        if response.closeConnection { MHD_add_response_header(reply, "Connection", "close") }
        for (name, value) in response.headers { MHD_add_response_header(reply, name, value) }
        let result = MHD_queue_response(connection, UInt32(response.status), reply)
        MHD_destroy_response(reply)
        return result
    }
}

/// The C callbacks, as `static let`s of a nonisolated type: libmicrohttpd calls them on its own threads, where
/// a closure isolated to the main actor would trap.
private enum MicroHTTPDCallbacks {
    static let access: MHD_AccessHandlerCallback = { cls, connection, url, method, _, data, size, context in
        guard let cls, let connection, let size, let context else { return .NO }
        let server = Unmanaged<MicroHTTPDServer>.fromOpaque(cls).takeUnretainedValue()
        if let raw = context.pointee {
            let state = Unmanaged<RequestState>.fromOpaque(raw).takeUnretainedValue()
            return server.proceed(state, connection, data: data, size: size)
        }
        return server.begin(connection, url: url, method: method, context: context)
    }

    static let completed: MHD_RequestCompletedCallback = { cls, _, context, _ in
        guard let cls, let context, let raw = context.pointee else { return }
        context.pointee = nil
        let server = Unmanaged<MicroHTTPDServer>.fromOpaque(cls).takeUnretainedValue()
        let state = Unmanaged<RequestState>.fromOpaque(raw).takeRetainedValue()
        server.finished(state)
    }

    /// Appends each name and value to the `[(String, String)]` that `cls` points to (see `details(of:)`).
    static let collectPair: MHD_KeyValueIterator = { cls, _, key, value in
        guard let cls, let key else { return .YES }
        let pairs = cls.assumingMemoryBound(to: [(String, String)].self)
        pairs.pointee.append((String(cString: key), value.map { String(cString: $0) } ?? ""))
        return .YES
    }

    static let log: CMHD_LogCallback = { cls, message in
        guard let cls, let message else { return }
        let server = Unmanaged<MicroHTTPDServer>.fromOpaque(cls).takeUnretainedValue()
        server.logger.notice("libmicrohttpd: \(String(cString: message))")
    }
}

/// libmicrohttpd's daemon pointer.
// @unchecked Sendable: the pointer is only passed to CMHD_quiesce/CMHD_stop, which libmicrohttpd allows from any
// thread, and `MicroHTTPDServer` hands it out under a Mutex.
private struct DaemonHandle: @unchecked Sendable {
    let raw: OpaquePointer
}

/// A connection pointer carried into the task that resumes it.
// @unchecked Sendable: the only use off the worker thread is MHD_resume_connection, which libmicrohttpd documents
// as callable from any thread, and the connection stays alive while suspended (it cannot complete until resumed).
private struct ConnectionRef: @unchecked Sendable {
    let raw: OpaquePointer
}

/// Per-request state, owned by libmicrohttpd through the request context pointer.
// @unchecked Sendable: `head`, `body` and the flags are touched only on the worker that owns the connection
// (libmicrohttpd never calls one connection's callbacks concurrently). `response` is written by exactly one
// completer, which wins `claimed`, before `phase` is set to done with release ordering; it is read only after an
// acquiring load sees done. `handler` and `timer` are written before the tasks that read them are created or
// before `markSuspended` publishes them with release ordering.
private final class RequestState: @unchecked Sendable {
    static let running: UInt8 = 0
    static let suspended: UInt8 = 1
    static let done: UInt8 = 2

    let head: HTTPRequestHead
    var body: [UInt8] = []
    var answered = false
    var tooLarge = false
    var dispatched = false
    var handler: Task<Void, Never>?
    var timer: Task<Void, Never>?
    private var response: HTTPResponse?
    private let claimed = Atomic<Bool>(false)
    private let phase = Atomic<UInt8>(RequestState.running)

    init(head: HTTPRequestHead) {
        self.head = head
    }

    /// Stores the reply if nobody has yet; returns `true` when the connection was suspended and must be resumed.
    func complete(with reply: HTTPResponse) -> Bool {
        guard claimed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return false }
        response = reply
        return phase.exchange(Self.done, ordering: .acquiringAndReleasing) == Self.suspended
    }

    /// Whether a reply (the handler's or the deadline's) has been claimed.
    var isCompleted: Bool { claimed.load(ordering: .acquiring) }

    /// Records that the worker suspended the connection; `false` if the reply was already stored.
    func markSuspended() -> Bool {
        phase.compareExchange(expected: Self.running, desired: Self.suspended, ordering: .acquiringAndReleasing)
            .exchanged
    }

    /// The reply, once stored.
    func takeResponse() -> HTTPResponse? {
        guard phase.load(ordering: .acquiring) == Self.done else { return nil }
        defer { response = nil }
        return response
    }
}

/// The scheduler's CPU affinity mask, read through the C shim (`CPU_COUNT_S` is a macro Swift cannot call). It lives
/// here because this is the one Swift file that imports `CMicroHTTPD`.
enum SchedulerAffinity {
    /// How many CPUs this process may be scheduled on, or `nil` when the mask cannot be read.
    static func cpuCount() -> Int? {
        let count = Int(CMHD_affinity_cpu_count())
        return count > 0 ? count : nil
    }
}

/// This process's whole environment, read from libc's `environ` (a C array of `NAME=value` strings, through the C
/// shim). It lives here because walking that array is pointer code, and this file is where the SDK's pointer code
/// stays.
enum ProcessEnvironment {
    /// Every variable, the first occurrence winning when a name repeats.
    static func all() -> [String: String] {
        var values: [String: String] = [:]
        var cursor = CMHD_environment()
        while let entry = cursor?.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                let name = String(text[..<equals])
                if values[name] == nil { values[name] = String(text[text.index(after: equals)...]) }
            }
            cursor = cursor?.advanced(by: 1)
        }
        return values
    }
}
