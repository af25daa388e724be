import PluginJSON

/// Why a node exists: set when it was started by a hook or a retry.
public struct NodeFlag: Sendable, Hashable, Codable {
    /// Whether a hook or `onExit` started the node.
    public var hooked: Bool?
    /// Whether the node is a retry attempt.
    public var retried: Bool?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        hooked: Bool? = nil, retried: Bool? = nil, unknownFields: [String: JSONValue] = [:]
    ) {
        self.hooked = hooked
        self.retried = retried
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case hooked, retried
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hooked = try container.decodeIfPresent(Bool.self, forKey: .hooked)
        retried = try container.decodeIfPresent(Bool.self, forKey: .retried)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(hooked, forKey: .hooked)
        try container.encodeIfPresent(retried, forKey: .retried)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
