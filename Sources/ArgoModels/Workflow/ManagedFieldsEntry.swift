import PluginJSON

/// One entry of Kubernetes' server-side apply bookkeeping: which manager set which fields.
public struct ManagedFieldsEntry: Sendable, Hashable, Codable {
    /// The manager's name.
    public var manager: String?
    /// `Apply` or `Update`.
    public var operation: String?
    /// The API version of the fields set.
    public var apiVersion: String?
    /// When the fields were last set, RFC 3339; may be `null`.
    public var time: String?
    /// The format of ``fieldsV1``; `FieldsV1`.
    public var fieldsType: String?
    /// The set of fields, as Kubernetes' field trie.
    public var fieldsV1: JSONValue?
    /// The subresource the entry applies to, if any.
    public var subresource: String?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        manager: String? = nil, operation: String? = nil, apiVersion: String? = nil, time: String? = nil,
        fieldsType: String? = nil, fieldsV1: JSONValue? = nil, subresource: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.manager = manager
        self.operation = operation
        self.apiVersion = apiVersion
        self.time = time
        self.fieldsType = fieldsType
        self.fieldsV1 = fieldsV1
        self.subresource = subresource
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case manager, operation, apiVersion, time, fieldsType, fieldsV1, subresource
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        manager = try container.decodeIfPresent(String.self, forKey: .manager)
        operation = try container.decodeIfPresent(String.self, forKey: .operation)
        apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion)
        time = try container.decodeIfPresent(String.self, forKey: .time)
        fieldsType = try container.decodeIfPresent(String.self, forKey: .fieldsType)
        fieldsV1 = try container.decodeJSONValueIfPresent(forKey: .fieldsV1)
        subresource = try container.decodeIfPresent(String.self, forKey: .subresource)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(manager, forKey: .manager)
        try container.encodeIfPresent(operation, forKey: .operation)
        try container.encodeIfPresent(apiVersion, forKey: .apiVersion)
        try container.encodeIfPresent(time, forKey: .time)
        try container.encodeIfPresent(fieldsType, forKey: .fieldsType)
        try container.encodeIfPresent(fieldsV1, forKey: .fieldsV1)
        try container.encodeIfPresent(subresource, forKey: .subresource)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
