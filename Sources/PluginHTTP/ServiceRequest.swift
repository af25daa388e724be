import PluginJSON

/// One request to a service, relative to the client's base URL.
///
/// ```swift
/// let request = try ServiceRequest(.post, "/repos/\(ServiceRequest.escape(owner))/statuses/\(sha)", json: status)
/// ```
public struct ServiceRequest: Sendable {
    /// The verb.
    public var method: HTTPMethod
    /// The path after the base URL's own path, starting with `/` (or empty for the base URL itself). Escape
    /// values you put in it with ``escape(_:)``.
    public var path: String
    /// Query parameters, percent-encoded when sent.
    public var query: [(String, String)]
    /// Extra headers for this request.
    public var headers: [(String, String)]
    /// The body, or `nil` for none.
    public var body: [UInt8]?

    /// Creates a request.
    public init(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], headers: [(String, String)] = [],
        body: [UInt8]? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// Creates a request whose body is `value` as JSON (`Content-Type: application/json`).
    public init(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], headers: [(String, String)] = [],
        json value: some Encodable
    ) throws {
        self.init(
            method, path, query: query, headers: headers + [("Content-Type", "application/json")],
            body: try PluginJSONEncoder().encode(value))
    }

    /// `text` percent-encoded for use as one path segment or query value (everything but `A-Z a-z 0-9 - . _ ~`).
    public static func escape(_ text: String) -> String {
        var escaped = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                escaped.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                escaped += "%"
                escaped.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                escaped.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0xF)]))
            }
        }
        return escaped
    }

    /// The path and encoded query, as appended to the base URL.
    var target: String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
    }
}
