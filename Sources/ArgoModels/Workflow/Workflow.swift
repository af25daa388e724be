import PluginJSON

/// The workflow a request is about.
///
/// Argo sends only the workflow's metadata to plugins (`name`, `namespace` and `uid` to executor plugins, the full
/// Kubernetes metadata to controller plugins). Anything else Argo may add is kept in ``unknownFields``.
///
/// ```swift
/// let workflow = Workflow(metadata: ObjectMeta(name: "ci-7x2kq", namespace: "argo"))
/// workflow.metadata.name  // "ci-7x2kq"
/// ```
public struct Workflow: Sendable, Hashable, Codable {
    /// The workflow's metadata. Required by both contracts.
    public var metadata: ObjectMeta
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; optional members default to absent.
    public init(
        metadata: ObjectMeta, unknownFields: [String: JSONValue] = [:]
    ) {
        self.metadata = metadata
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case metadata
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try container.decode(ObjectMeta.self, forKey: .metadata)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
