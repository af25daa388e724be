/// Routes read from a file, for `argo-plugin fake`: a JSON (or YAML, converted by the tool) list such as
///
/// ```json
/// [
///   {"method": "POST", "path": "/services/**", "replies": [{"status": 503}, {"status": 200, "text": "ok"}]},
///   {"method": "GET", "path": "/repos/*/*/pulls/*", "status": 200, "json": {"head": {"sha": "abc"}}},
///   {"path": "/slow/**", "status": 200, "delayMilliseconds": 3000},
///   {"path": "/flaky", "drop": true}
/// ]
/// ```
///
/// A route holds either `replies` (answered in turn, the last repeating) or one reply's members inline. A reply
/// has `status` (default 200), `json` (any JSON) or `text`, `headers`, `delayMilliseconds` and `drop`.
extension FakeRoute: Decodable {
    private enum Keys: String, CodingKey { case method, path, replies }

    /// Decodes a route as described above.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let method = try container.decodeIfPresent(String.self, forKey: .method)
        let path = try container.decode(String.self, forKey: .path)
        let replies = try container.decodeIfPresent([FakeReply].self, forKey: .replies) ?? [FakeReply(from: decoder)]
        self.init(method, path, replies: replies)
    }
}

extension FakeReply: Decodable {
    private enum Keys: String, CodingKey { case status, json, text, headers, delayMilliseconds, drop }

    /// Decodes a reply as described in ``FakeRoute/init(from:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let status = try container.decodeIfPresent(Int.self, forKey: .status) ?? 200
        let headers = try container.decodeIfPresent([String: String].self, forKey: .headers) ?? [:]
        if let text = try container.decodeIfPresent(String.self, forKey: .text) {
            self = .text(text, status: status, headers: headers)
        } else if let json = try container.decodeIfPresent(JSONValue.self, forKey: .json) {
            self = .json(json, status: status, headers: headers)
        } else {
            self = .status(status)
            self.headers = headers
        }
        if let millis = try container.decodeIfPresent(Int.self, forKey: .delayMilliseconds) {
            delay = .milliseconds(millis)
        }
        drops = try container.decodeIfPresent(Bool.self, forKey: .drop) ?? false
    }
}
