import PluginJSON

/// What a node is waiting for to acquire a lock or semaphore.
public struct NodeSynchronizationStatus: Sendable, Hashable, Codable {
    /// The lock or semaphore the node waits for.
    public var waiting: String?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        waiting: String? = nil, unknownFields: [String: JSONValue] = [:]
    ) {
        self.waiting = waiting
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case waiting
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        waiting = try container.decodeIfPresent(String.self, forKey: .waiting)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(waiting, forKey: .waiting)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
