/// How every outcome of a call maps to an HTTP reply: the single table of transport and contract statuses.
///
/// | outcome | status | body |
/// |---|---|---|
/// | wrong or missing token (any path) | 403 | `{"error": ...}` |
/// | unknown path, or a method the plugin does not serve | 404 | `{"error": ...}` |
/// | a verb other than POST on a method path | 405 | `{"error": ...}`, `Allow: POST` |
/// | malformed JSON, wrong types, missing fields | 400 | `{"error": ...}` naming the field |
/// | body over the limit | 413 | `{"error": ...}` |
/// | handler threw ``TransientError``, deadline passed, server draining | 503 | `{"error": ...}` |
/// | `template.execute` handler threw anything else | 200 | a `Failed` node with the error's message |
/// | controller hook threw anything else | 500 | `{"error": ...}` (fatal for the node or workflow) |
/// | handler returned | 200 | the reply |
enum ReplyStatus {
    static func forbidden() -> HTTPResponse {
        error(403, "forbidden: the Authorization header must be 'Bearer ' followed by the Argo token")
    }

    static func notFound(_ path: String) -> HTTPResponse {
        // Only a known method name is repeated back: echoing arbitrary request text would reflect whatever the
        // caller put in the path (the fuzzer found a token echoed that way).
        let name = PluginMethod(path: path).map { "method \($0)" } ?? "this path"
        return error(404, "not found: \(name) is not served by this plugin")
    }

    static func methodNotAllowed(_ verb: String) -> HTTPResponse {
        var response = error(405, "method not allowed: \(String(verb.prefix(20))); plugin methods take POST")
        response.headers = [("Allow", "POST")]
        return response
    }

    static func badRequest(_ reason: String) -> HTTPResponse {
        error(400, "bad request: \(reason)")
    }

    static func payloadTooLarge(limit: Int) -> HTTPResponse {
        error(413, "payload too large: the body exceeds \(limit) bytes (see --max-body-bytes)")
    }

    static func transient(_ message: String) -> HTTPResponse {
        error(503, "transient: \(message)")
    }

    static func deadlineExceeded() -> HTTPResponse {
        error(503, "transient: the plugin did not answer before its call deadline")
    }

    static func shuttingDown() -> HTTPResponse {
        var response = error(503, "transient: the plugin is shutting down")
        response.closeConnection = true
        return response
    }

    static func hookFailed(_ message: String) -> HTTPResponse {
        error(500, "plugin error: \(message)")
    }

    static func ok(_ body: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: 200, body: body)
    }

    /// An error reply with a JSON `{"error": message}` body.
    static func error(_ status: Int, _ message: String) -> HTTPResponse {
        HTTPResponse(status: status, body: WireJSON.errorBody(message))
    }
}

/// What a handler's thrown error means for the reply.
enum HandlerFailure: Equatable {
    /// Retry later: 503.
    case transient(String)
    /// The call failed for good: a `Failed` node (executor) or a fatal status (controller hooks).
    case failed(String)

    init(_ error: any Error) {
        switch error {
        case let transient as TransientError: self = .transient(transient.message)
        case is CancellationError: self = .transient("the call was cancelled")
        default:
            let message = String(describing: error)
            self = .failed(message.isEmpty ? "\(type(of: error))" : message)
        }
    }
}
