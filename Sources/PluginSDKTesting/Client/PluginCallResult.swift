import Foundation
import PluginSDK

/// What a plugin answered to one call: the HTTP status and the JSON body.
///
/// ```swift
/// let result = try await client.call(.templateExecute, json: "{", credentials: .valid)
/// #expect(result.status == 400)
/// #expect(result.text.contains("bad request"))
/// ```
public struct PluginCallResult: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// The body bytes (always JSON for this SDK's plugins).
    public var body: [UInt8]

    /// Creates a result.
    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as a `JSONValue`.
    public func json() throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(body))
    }

    /// The body decoded as `type`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(body))
    }

    /// The `error` member of an error body, if there is one.
    public var errorMessage: String? { (try? json())?["error"]?.stringValue }
}
