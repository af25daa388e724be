import PluginJSON

/// The reply of `POST /api/v1/node.preExecute`: optionally, a result that replaces running the node.
///
/// ```swift
/// return NodePreExecuteReply(node: NodeResult(phase: .skipped, message: "cached"))
/// ```
public struct NodePreExecuteReply: Sendable, Hashable, Codable {
    /// The node's result; absent to let the node run normally.
    public var node: NodeResult?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        node: NodeResult? = nil, unknownFields: [String: JSONValue] = [:]
    ) {
        self.node = node
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case node
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        node = try container.decodeIfPresent(NodeResult.self, forKey: .node)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(node, forKey: .node)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
