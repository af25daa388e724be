/// A request a fake service received, kept for assertions.
public struct RecordedRequest: Sendable {
    /// The verb, e.g. `POST`.
    public var method: String
    /// The path, without the query.
    public var path: String
    /// Query parameters, decoded.
    public var query: [(String, String)]
    /// Header fields as sent.
    public var headers: [(String, String)]
    /// The body.
    public var body: [UInt8]

    /// Creates a recorded request (route handlers receive them; tests may build their own).
    public init(
        method: String, path: String, query: [(String, String)] = [], headers: [(String, String)] = [],
        body: [UInt8] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name`, compared without case.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.0.lowercased() == wanted }?.1
    }

    /// The first value of query parameter `name`.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.0 == name }?.1
    }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as JSON, or `nil` if it is not JSON.
    public var json: JSONValue? { try? PluginJSONDecoder().decode(JSONValue.self, from: body) }

    /// The body decoded from JSON.
    public func decode<Value: Decodable>(_ type: Value.Type = Value.self) throws -> Value {
        try PluginJSONDecoder().decode(type, from: body)
    }

    /// The request as JSON, as `GET /_fake/requests` lists it: body as text, headers and query as objects.
    var jsonValue: JSONValue {
        var headerObject: [String: JSONValue] = [:]
        for (name, value) in headers { headerObject[name.lowercased()] = .string(value) }
        var queryObject: [String: JSONValue] = [:]
        for (name, value) in query { queryObject[name] = .string(value) }
        return [
            "method": .string(method), "path": .string(path), "query": .object(queryObject),
            "headers": .object(headerObject), "body": .string(text),
        ]
    }
}
