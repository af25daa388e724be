/// One route of a ``FakeService``: a verb and a path pattern, answered by canned replies in turn or by a closure.
///
/// In a pattern, `*` matches one path segment and a final `**` matches the rest of the path:
/// `/repos/*/*/statuses/*`, `/hooks/**`.
///
/// ```swift
/// FakeRoute.post("/services/**", .text("rollup_error", status: 500), .text("ok", status: 200))  // 500 first, then 200 forever
/// FakeRoute.get("/repos/*/*/pulls/*") { request in .json(["head": ["sha": "abc"]]) }
/// ```
public struct FakeRoute: Sendable {
    /// The verb, or `nil` for any.
    public var method: String?
    /// The path pattern.
    public var path: String
    /// How the route answers.
    public var answer: Answer

    /// How a route answers.
    public enum Answer: Sendable {
        /// These replies in turn; the last one repeats.
        case replies([FakeReply])
        /// Whatever the closure computes from the request.
        case handler(@Sendable (RecordedRequest) async -> FakeReply)
    }

    /// A route answered by `replies` in turn (the last one repeats).
    public init(_ method: String?, _ path: String, replies: [FakeReply]) {
        self.method = method?.uppercased()
        self.path = path
        self.answer = .replies(replies.isEmpty ? [.ok] : replies)
    }

    /// A route answered by `handler`.
    public init(_ method: String?, _ path: String, handler: @escaping @Sendable (RecordedRequest) async -> FakeReply) {
        self.method = method?.uppercased()
        self.path = path
        self.answer = .handler(handler)
    }

    /// `GET path`, answered by `replies` in turn.
    public static func get(_ path: String, _ replies: FakeReply...) -> FakeRoute { FakeRoute("GET", path, replies: replies) }
    /// `POST path`, answered by `replies` in turn.
    public static func post(_ path: String, _ replies: FakeReply...) -> FakeRoute { FakeRoute("POST", path, replies: replies) }
    /// `PUT path`, answered by `replies` in turn.
    public static func put(_ path: String, _ replies: FakeReply...) -> FakeRoute { FakeRoute("PUT", path, replies: replies) }
    /// `PATCH path`, answered by `replies` in turn.
    public static func patch(_ path: String, _ replies: FakeReply...) -> FakeRoute { FakeRoute("PATCH", path, replies: replies) }
    /// `DELETE path`, answered by `replies` in turn.
    public static func delete(_ path: String, _ replies: FakeReply...) -> FakeRoute { FakeRoute("DELETE", path, replies: replies) }
    /// Any verb on `path`, answered by `replies` in turn.
    public static func any(_ path: String, _ replies: FakeReply...) -> FakeRoute { FakeRoute(nil, path, replies: replies) }

    /// `GET path`, answered by `handler`.
    public static func get(_ path: String, handler: @escaping @Sendable (RecordedRequest) async -> FakeReply) -> FakeRoute {
        FakeRoute("GET", path, handler: handler)
    }
    /// `POST path`, answered by `handler`.
    public static func post(_ path: String, handler: @escaping @Sendable (RecordedRequest) async -> FakeReply) -> FakeRoute {
        FakeRoute("POST", path, handler: handler)
    }

    /// Whether this route serves `method` on `path`.
    func matches(method verb: String, path actual: String) -> Bool {
        if let method, method != verb { return false }
        return Self.match(pattern: path.split(separator: "/", omittingEmptySubsequences: true),
                          path: actual.split(separator: "/", omittingEmptySubsequences: true))
    }

    private static func match(pattern: [Substring], path: [Substring]) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" { return true }
        guard let segment = path.first else { return false }
        guard head == "*" || head == segment else { return false }
        return match(pattern: Array(pattern.dropFirst()), path: Array(path.dropFirst()))
    }
}
