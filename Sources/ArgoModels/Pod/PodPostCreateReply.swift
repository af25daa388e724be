import PluginJSON

/// The reply of `POST /api/v1/pod.postCreate` (an SDK-defined hook, see ``PodPreCreateArgs``): nothing is
/// expected back, so it is `{}` unless the plugin adds members of its own.
public struct PodPostCreateReply: Sendable, Hashable, Codable {
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value.
    public init(unknownFields: [String: JSONValue] = [:]) {
        self.unknownFields = unknownFields
    }

    /// Decodes and keeps every member.
    public init(from decoder: any Decoder) throws {
        unknownFields = try decoder.unknownFields(excluding: [])
    }

    /// Encodes the kept members.
    public func encode(to encoder: any Encoder) throws {
        // An object container even when empty, so the reply is `{}`, not nothing.
        _ = encoder.container(keyedBy: AnyCodingKey.self)
        try encoder.encodeUnknownFields(unknownFields, excluding: [])
    }
}
