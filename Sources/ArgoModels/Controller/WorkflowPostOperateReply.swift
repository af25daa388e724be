import PluginJSON

/// The reply of `POST /api/v1/workflow.postOperate`: Argo expects nothing back, so this encodes as `{}`.
///
/// Members a newer Argo might define are kept in unknownFields.
///
/// ```swift
/// return WorkflowPostOperateReply()
/// ```
public struct WorkflowPostOperateReply: Sendable, Hashable, Codable {
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// An empty reply.
    public init(unknownFields: [String: JSONValue] = [:]) {
        self.unknownFields = unknownFields
    }

    /// No typed members: every member is kept.
    static let knownKeys = JSONKnownKeys([])

    /// Keeps every member.
    public init(from decoder: any Decoder) throws {
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes `{}` plus any kept members.
    public func encode(to encoder: any Encoder) throws {
        // Ask for an object container even when there is nothing in it, so the reply is `{}`, not nothing.
        _ = encoder.container(keyedBy: AnyCodingKey.self)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
