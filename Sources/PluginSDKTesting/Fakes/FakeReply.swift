/// What a ``FakeService`` route answers: a status with a body, optionally late, or a dropped connection.
///
/// ```swift
/// FakeReply.json(["sha": "abc123"])              // 200 with a JSON body
/// FakeReply.text("invalid_token", status: 403)   // a refusal
/// FakeReply.status(503).delayed(by: .seconds(2)) // slow and unavailable
/// FakeReply.dropConnection                       // the connection closes without an answer
/// ```
public struct FakeReply: Sendable, Equatable {
    /// The HTTP status.
    public var status: Int
    /// Extra header fields.
    public var headers: [String: String]
    /// The body.
    public var body: [UInt8]
    /// The `Content-Type`.
    public var contentType: String
    /// How long to wait before answering.
    public var delay: Swift.Duration
    /// Close the connection without answering (a crash or network failure, seen from the client).
    public var drops: Bool

    /// Creates a reply.
    public init(
        status: Int = 200, headers: [String: String] = [:], body: [UInt8] = [], contentType: String = "application/json",
        delay: Swift.Duration = .zero, drops: Bool = false
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.contentType = contentType
        self.delay = delay
        self.drops = drops
    }

    /// `status` (default 200) with a JSON body.
    public static func json(_ value: JSONValue, status: Int = 200, headers: [String: String] = [:]) -> FakeReply {
        let body = (try? PluginJSONEncoder().encode(value)) ?? Array("null".utf8)
        return FakeReply(status: status, headers: headers, body: body)
    }

    /// `status` (default 200) with any `Encodable` as its JSON body.
    public static func json(encoding value: some Encodable, status: Int = 200) throws -> FakeReply {
        FakeReply(status: status, body: try PluginJSONEncoder().encode(value))
    }

    /// `status` (default 200) with a plain-text body.
    public static func text(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> FakeReply {
        FakeReply(status: status, headers: headers, body: Array(text.utf8), contentType: "text/plain; charset=utf-8")
    }

    /// `status` with an empty JSON object as its body.
    public static func status(_ status: Int) -> FakeReply {
        FakeReply(status: status, body: Array("{}".utf8))
    }

    /// 200 with `{}`.
    public static let ok = FakeReply.status(200)

    /// The connection closes without an answer.
    public static let dropConnection = FakeReply(status: 0, drops: true)

    /// This reply, sent after `delay`.
    public func delayed(by delay: Swift.Duration) -> FakeReply {
        var copy = self
        copy.delay = delay
        return copy
    }
}
