import PluginJSON
import PluginSDK

/// A reply whose body does not matter: decoding it always succeeds, even from an empty body.
///
/// ```swift
/// let _: NoContent = try await api.delete("/items/\(id)", context: context)
/// ```
public struct NoContent: Decodable, Sendable, Equatable {
    /// Creates the value.
    public init() {}
    /// Accepts any JSON (decoding is skipped for this type).
    public init(from decoder: any Decoder) throws {}
}

extension ServiceClient {
    /// `GET path`, the 2xx reply decoded from JSON.
    public func get<Reply: Decodable>(
        _ path: String, query: [(String, String)] = [], as type: Reply.Type = Reply.self, context: PluginContext
    ) async throws -> Reply {
        try await json(ServiceRequest(.get, path, query: query), as: type, context: context)
    }

    /// `POST path` with `body` as JSON, the 2xx reply decoded from JSON.
    public func post<Reply: Decodable>(
        _ path: String, json body: some Encodable, as type: Reply.Type = Reply.self, context: PluginContext
    ) async throws -> Reply {
        try await json(ServiceRequest(.post, path, json: body), as: type, context: context)
    }

    /// `PUT path` with `body` as JSON, the 2xx reply decoded from JSON.
    public func put<Reply: Decodable>(
        _ path: String, json body: some Encodable, as type: Reply.Type = Reply.self, context: PluginContext
    ) async throws -> Reply {
        try await json(ServiceRequest(.put, path, json: body), as: type, context: context)
    }

    /// `PATCH path` with `body` as JSON, the 2xx reply decoded from JSON.
    public func patch<Reply: Decodable>(
        _ path: String, json body: some Encodable, as type: Reply.Type = Reply.self, context: PluginContext
    ) async throws -> Reply {
        try await json(ServiceRequest(.patch, path, json: body), as: type, context: context)
    }

    /// `DELETE path`, the 2xx reply decoded from JSON (``NoContent`` to ignore it).
    public func delete<Reply: Decodable>(
        _ path: String, as type: Reply.Type = Reply.self, context: PluginContext
    ) async throws -> Reply {
        try await json(ServiceRequest(.delete, path), as: type, context: context)
    }

    /// Any request, the 2xx reply decoded from JSON; failures as ``call(_:context:)`` throws them, and a reply
    /// that is not the expected JSON as ``ServiceError/Kind/invalidReply``.
    public func json<Reply: Decodable>(
        _ request: ServiceRequest, as type: Reply.Type = Reply.self, context: PluginContext
    ) async throws -> Reply {
        let response = try await call(request, context: context)
        if type == NoContent.self, let none = NoContent() as? Reply { return none }
        do {
            return try PluginJSONDecoder().decode(type, from: response.body)
        } catch {
            throw ServiceError(
                kind: .invalidReply, service: name, status: response.status,
                bodyExcerpt: redaction.excerpt(response.body),
                description: "\(name) answered \(request.method) \(shownPath(request)) with a reply that is not the "
                    + "expected \(type): \(redaction.redact(String(describing: error)))")
        }
    }
}
