import PluginJSON

/// A reference from an object to an object it depends on (Kubernetes `OwnerReference`).
public struct OwnerReference: Sendable, Hashable, Codable {
    /// The owner's API version, e.g. `argoproj.io/v1alpha1`.
    public var apiVersion: String?
    /// The owner's kind, e.g. `Workflow`.
    public var kind: String?
    /// The owner's name.
    public var name: String?
    /// The owner's unique ID.
    public var uid: String?
    /// Whether the owner is the managing controller.
    public var controller: Bool?
    /// Whether the owner cannot be deleted before this object is.
    public var blockOwnerDeletion: Bool?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        apiVersion: String? = nil, kind: String? = nil, name: String? = nil, uid: String? = nil,
        controller: Bool? = nil, blockOwnerDeletion: Bool? = nil, unknownFields: [String: JSONValue] = [:]
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
        self.blockOwnerDeletion = blockOwnerDeletion
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case apiVersion, kind, name, uid, controller, blockOwnerDeletion
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        uid = try container.decodeIfPresent(String.self, forKey: .uid)
        controller = try container.decodeIfPresent(Bool.self, forKey: .controller)
        blockOwnerDeletion = try container.decodeIfPresent(Bool.self, forKey: .blockOwnerDeletion)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(apiVersion, forKey: .apiVersion)
        try container.encodeIfPresent(kind, forKey: .kind)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(uid, forKey: .uid)
        try container.encodeIfPresent(controller, forKey: .controller)
        try container.encodeIfPresent(blockOwnerDeletion, forKey: .blockOwnerDeletion)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
