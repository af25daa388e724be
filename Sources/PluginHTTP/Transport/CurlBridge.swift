// The only Swift file that talks to libcurl. It turns a `WireRequest` into an easy handle, runs it on one event
// thread that owns a curl multi handle, and turns the outcome back into a `WireResponse` or a `WireFailure`.
// Everything above this file works on plain Swift values; every pointer stays here.
internal import CCurl
import PluginSDK
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// One exchange as the bridge performs it.
struct WireRequest: Sendable {
    /// The absolute URL, already encoded.
    var url: String
    /// The verb, e.g. `GET`.
    var method: String
    /// Header lines, `Name: value`.
    var headers: [String]
    /// The body, or `nil` for none.
    var body: [UInt8]?
    /// The whole exchange must finish within this many milliseconds (at least 1).
    var timeoutMilliseconds: Int
    /// The connection (TCP and TLS) must be up within this many milliseconds.
    var connectTimeoutMilliseconds: Int
    /// PEM trust anchors; `nil` uses libcurl's default bundle (the system store).
    var trustPEM: [UInt8]?
    /// Replies longer than this fail with ``WireFailure/replyTooLarge``.
    var maxReplyBytes: Int
    /// The `User-Agent` header.
    var userAgent: String
}

/// A reply as received.
struct WireResponse: Sendable {
    var status: Int
    /// Header fields of the final response, names as sent.
    var headers: [(String, String)]
    var body: [UInt8]
}

/// Why an exchange produced no reply.
enum WireFailure: Error, Equatable {
    /// The timeout passed.
    case timedOut
    /// No connection, or it broke before a whole reply arrived. The payload is libcurl's explanation.
    case connection(String)
    /// The server's certificate could not be verified, or TLS failed.
    case tls(String)
    /// The reply exceeded `maxReplyBytes`.
    case replyTooLarge
    /// The calling task was cancelled.
    case cancelled
    /// Anything else libcurl reported.
    case other(String)
}

/// A curl multi handle driven by one thread of its own: transfers run there, never on Swift's cooperative pool,
/// and connections (and TLS sessions) are reused across calls and clients through the multi handle's cache.
final class CurlEventLoop: Sendable {
    /// One loop per process, started on first use.
    static let shared = CurlEventLoop()

    private struct Queue {
        var adds: [CurlTransfer] = []
        var cancels: [CurlTransfer] = []
    }

    private let multi: MultiHandle
    private let queue = PlatformLock(Queue())

    private init() {
        curl_global_init(Int(CURL_GLOBAL_ALL))
        multi = MultiHandle(raw: curl_multi_init())
        CCurl_multi_set_max_connections(multi.raw, 32)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()  // the loop lives as long as the process
        let created = pthread_create(&thread, nil, CurlCallbacks.loopEntry, context)
        precondition(created == 0, "could not start the HTTP client thread (pthread_create: \(created))")
        pthread_detach(thread)
    }

    /// Performs `request`; cancelling the calling task aborts the transfer.
    func perform(_ request: WireRequest) async throws(WireFailure) -> WireResponse {
        let transfer: CurlTransfer
        do {
            transfer = try CurlTransfer(request)
        } catch {
            throw error
        }
        let outcome: Result<WireResponse, WireFailure> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                transfer.continuation = continuation
                queue.withLock { $0.adds.append(transfer) }
                curl_multi_wakeup(multi.raw)
            }
        } onCancel: {
            transfer.cancelRequested.store(true, ordering: .releasing)
            queue.withLock { $0.cancels.append(transfer) }
            curl_multi_wakeup(multi.raw)
        }
        return try outcome.get()
    }

    /// The event thread: add new transfers, drop cancelled ones, move data, report finished ones, wait.
    fileprivate func run() -> Never {
        var active: [UInt: CurlTransfer] = [:]
        while true {
            let work = queue.withLock { queue -> Queue in
                defer { queue = Queue() }
                return queue
            }
            for transfer in work.adds {
                if transfer.cancelRequested.load(ordering: .acquiring) {
                    transfer.finish(.failure(.cancelled))
                    continue
                }
                active[UInt(bitPattern: transfer.easy)] = transfer
                curl_multi_add_handle(multi.raw, transfer.easy)
            }
            for transfer in work.cancels {
                guard active.removeValue(forKey: UInt(bitPattern: transfer.easy)) != nil else { continue }
                curl_multi_remove_handle(multi.raw, transfer.easy)
                transfer.finish(.failure(.cancelled))
            }
            var running: Int32 = 0
            curl_multi_perform(multi.raw, &running)
            var code = CURLE_OK
            while let easy = CCurl_multi_next_done(multi.raw, &code) {
                guard let transfer = active.removeValue(forKey: UInt(bitPattern: easy)) else { continue }
                curl_multi_remove_handle(multi.raw, easy)
                transfer.finish(transfer.outcome(code))
            }
            var ready: Int32 = 0
            curl_multi_poll(multi.raw, nil, 0, 1000, &ready)
        }
    }
}

/// The multi handle's pointer. Safety: after `init` only the event thread uses it, except `curl_multi_wakeup`,
/// which libcurl documents as callable from any thread.
private struct MultiHandle: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
}

/// One exchange: its easy handle and what arrives for it.
///
/// Safety of `@unchecked Sendable`: the easy handle, header list and error buffer are set up by the caller before
/// the transfer is queued (the queue's lock publishes them) and from then on touched only by the event thread,
/// which also runs the data callbacks and `finish`. `continuation` is written before the transfer is queued and
/// resumed exactly once, by `finish` on the event thread. `cancelRequested` is atomic. `deinit` runs after the
/// event thread has dropped the transfer.
private final class CurlTransfer: @unchecked Sendable {
    let easy: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private let maxReplyBytes: Int
    var body: [UInt8] = []
    var headers: [(String, String)] = []
    var replyTooLarge = false
    var continuation: CheckedContinuation<Result<WireResponse, WireFailure>, Never>?
    let cancelRequested = Atomic<Bool>(false)

    init(_ request: WireRequest) throws(WireFailure) {
        guard let easy = curl_easy_init() else { throw .other("libcurl could not create a handle") }
        self.easy = easy
        self.maxReplyBytes = request.maxReplyBytes
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var failed = CURLE_OK
        func set(_ code: CURLcode) { if code != CURLE_OK && failed == CURLE_OK { failed = code } }
        set(CCurl_setopt_string(easy, CURLOPT_URL, request.url))
        set(CCurl_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"))
        set(CCurl_setopt_long(easy, CURLOPT_NOSIGNAL, 1))
        set(CCurl_setopt_long(easy, CURLOPT_TIMEOUT_MS, max(1, request.timeoutMilliseconds)))
        set(CCurl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, max(1, request.connectTimeoutMilliseconds)))
        set(CCurl_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1))
        set(CCurl_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, ""))
        set(CCurl_setopt_string(easy, CURLOPT_USERAGENT, request.userAgent))
        set(CCurl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer))
        switch request.method {
        case "GET": set(CCurl_setopt_long(easy, CURLOPT_HTTPGET, 1))
        case "HEAD": set(CCurl_setopt_long(easy, CURLOPT_NOBODY, 1))
        case "POST": set(CCurl_setopt_long(easy, CURLOPT_POST, 1))
        default: set(CCurl_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method))
        }
        if let body = request.body {
            set(body.withUnsafeBytes { CCurl_set_body(easy, $0.baseAddress ?? UnsafeRawPointer(errorBuffer), $0.count) })
        }
        if let pem = request.trustPEM {
            set(pem.withUnsafeBytes { CCurl_set_ca_blob(easy, $0.baseAddress, $0.count) })
            set(CCurl_setopt_pointer(easy, CURLOPT_CAINFO, nil))
            set(CCurl_setopt_pointer(easy, CURLOPT_CAPATH, nil))
        }
        // "Expect:" turns off libcurl's 100-continue round trip for larger bodies.
        for line in request.headers + ["Expect:"] { headerList = curl_slist_append(headerList, line) }
        set(CCurl_setopt_pointer(easy, CURLOPT_HTTPHEADER, headerList))
        let context = Unmanaged.passUnretained(self).toOpaque()
        set(CCurl_set_callbacks(easy, CurlCallbacks.onBody, CurlCallbacks.onHeader, context))
        if failed != CURLE_OK {
            throw .other("libcurl refused an option: \(String(cString: curl_easy_strerror(failed)))")
        }
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Resumes the caller, once.
    func finish(_ outcome: Result<WireResponse, WireFailure>) {
        continuation?.resume(returning: outcome)
        continuation = nil
    }

    /// Appends body bytes; `false` stops the transfer (over the size limit).
    func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= maxReplyBytes else {
            replyTooLarge = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Records one header line; a status line starts a new response (after a `100 Continue`, say).
    func receiveHeader(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            headers = []
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon])
        let value = line[line.index(after: colon)...].trimmingCharacters(in: [" ", "\t", "\r", "\n", "\r\n"])
        headers.append((name, value))
    }

    /// The outcome of a finished transfer.
    func outcome(_ code: CURLcode) -> Result<WireResponse, WireFailure> {
        let detail = errorBuffer.pointee != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_OK:
            return .success(WireResponse(status: CCurl_response_code(easy), headers: headers, body: body))
        case CURLE_WRITE_ERROR where replyTooLarge:
            return .failure(.replyTooLarge)
        case CURLE_OPERATION_TIMEDOUT:
            return .failure(.timedOut)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_GOT_NOTHING, CURLE_SEND_ERROR,
            CURLE_RECV_ERROR, CURLE_PARTIAL_FILE, CURLE_COULDNT_RESOLVE_PROXY:
            return .failure(.connection(detail))
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_CERTPROBLEM:
            return .failure(.tls(detail))
        default:
            return .failure(.other(detail))
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = self
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

/// The C callbacks, as `static let`s of a nonisolated type: libcurl calls them on the event thread.
private enum CurlCallbacks {
    static let loopEntry: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = { context in
        Unmanaged<CurlEventLoop>.fromOpaque(context!).takeUnretainedValue().run()
    }

    static let onBody: CCurl_DataCallback = { bytes, size, count, context in
        let total = size * count
        guard let context else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        return transfer.receive(UnsafeRawBufferPointer(start: bytes, count: total)) ? total : 0
    }

    static let onHeader: CCurl_DataCallback = { bytes, size, count, context in
        let total = size * count
        guard let context else { return 0 }
        Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            .receiveHeader(UnsafeRawBufferPointer(start: bytes, count: total))
        return total
    }
}
