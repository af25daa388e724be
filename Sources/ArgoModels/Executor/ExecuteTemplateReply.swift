import PluginJSON

/// The reply of `POST /api/v1/template.execute`.
///
/// An empty reply (``notMine``) tells Argo this plugin does not handle the template. Otherwise ``node`` carries the
/// node's new state and ``requeue`` asks Argo to call again after that long.
///
/// ```swift
/// return .succeeded(message: "sent", outputs: Outputs().parameter("id", "42"))
/// ```
public struct ExecuteTemplateReply: Sendable, Hashable, Codable {
    /// The node's new state; absent when the plugin does not handle the template.
    public var node: NodeResult?
    /// Call again after this long (for long-running work).
    public var requeue: GoDuration?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        node: NodeResult? = nil, requeue: GoDuration? = nil, unknownFields: [String: JSONValue] = [:]
    ) {
        self.node = node
        self.requeue = requeue
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case node, requeue
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        node = try container.decodeIfPresent(NodeResult.self, forKey: .node)
        requeue = try container.decodeIfPresent(GoDuration.self, forKey: .requeue)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(node, forKey: .node)
        try container.encodeIfPresent(requeue, forKey: .requeue)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
