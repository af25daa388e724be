import PluginJSON

/// A Kubernetes pod, for the SDK's pod hooks.
///
/// ``metadata`` is typed; ``spec`` and ``status`` are kept as `JSONValue` (a pod spec is large and plugins change
/// little of it), and every other member is kept in ``unknownFields``.
///
/// ```swift
/// var pod = Pod(metadata: ObjectMeta(name: "wf-step-123"))
/// pod.metadata?.labels = ["team": "platform"]
/// ```
public struct Pod: Sendable, Hashable, Codable {
    /// `v1`.
    public var apiVersion: String?
    /// `Pod`.
    public var kind: String?
    /// The pod's metadata.
    public var metadata: ObjectMeta?
    /// The pod's spec, kept as sent.
    public var spec: JSONValue?
    /// The pod's status, kept as sent.
    public var status: JSONValue?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        apiVersion: String? = nil, kind: String? = nil, metadata: ObjectMeta? = nil, spec: JSONValue? = nil,
        status: JSONValue? = nil, unknownFields: [String: JSONValue] = [:]
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case apiVersion, kind, metadata, spec, status
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: .metadata)
        spec = try container.decodeJSONValueIfPresent(forKey: .spec)
        status = try container.decodeJSONValueIfPresent(forKey: .status)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(apiVersion, forKey: .apiVersion)
        try container.encodeIfPresent(kind, forKey: .kind)
        try container.encodeIfPresent(metadata, forKey: .metadata)
        try container.encodeIfPresent(spec, forKey: .spec)
        try container.encodeIfPresent(status, forKey: .status)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
