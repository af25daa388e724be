import PluginJSON

/// A file or directory passed into or out of a template.
///
/// The common members are typed; the storage location (`s3`, `git`, `http`, `gcs`, `oss`, `azure`, `hdfs`,
/// `artifactory`, `raw`, `plugin`), `archive` and `artifactGC` are kept in ``unknownFields`` as Argo sent them.
///
/// ```swift
/// let report = Artifact(name: "report", path: "/tmp/report.json")
/// ```
public struct Artifact: Sendable, Hashable, Codable {
    /// The artifact's name.
    public var name: String?
    /// Where the artifact is placed in, or collected from, the container.
    public var path: String?
    /// The file mode bits, e.g. `0755` written as `493`.
    public var mode: Int64?
    /// Another artifact to take this one from, e.g. `{{steps.a.outputs.artifacts.b}}`.
    public var `from`: String?
    /// An expression naming the artifact to take this one from.
    public var fromExpression: String?
    /// The name under which an output is exported as a workflow-wide artifact.
    public var globalName: String?
    /// Whether a missing artifact is not an error.
    public var optional: Bool?
    /// A path inside the artifact.
    public var subPath: String?
    /// Whether the container's logs are archived with it.
    public var archiveLogs: Bool?
    /// Whether directories are recursed into when collecting.
    public var recurseMode: Bool?
    /// Whether the artifact was garbage collected.
    public var deleted: Bool?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        name: String? = nil, path: String? = nil, mode: Int64? = nil, `from`: String? = nil,
        fromExpression: String? = nil, globalName: String? = nil, optional: Bool? = nil, subPath: String? = nil,
        archiveLogs: Bool? = nil, recurseMode: Bool? = nil, deleted: Bool? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.path = path
        self.mode = mode
        self.`from` = `from`
        self.fromExpression = fromExpression
        self.globalName = globalName
        self.optional = optional
        self.subPath = subPath
        self.archiveLogs = archiveLogs
        self.recurseMode = recurseMode
        self.deleted = deleted
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case name, path, mode, `from`, fromExpression, globalName, optional, subPath, archiveLogs, recurseMode, deleted
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        path = try container.decodeIfPresent(String.self, forKey: .path)
        mode = try container.decodeIfPresent(Int64.self, forKey: .mode)
        `from` = try container.decodeIfPresent(String.self, forKey: .`from`)
        fromExpression = try container.decodeIfPresent(String.self, forKey: .fromExpression)
        globalName = try container.decodeIfPresent(String.self, forKey: .globalName)
        optional = try container.decodeIfPresent(Bool.self, forKey: .optional)
        subPath = try container.decodeIfPresent(String.self, forKey: .subPath)
        archiveLogs = try container.decodeIfPresent(Bool.self, forKey: .archiveLogs)
        recurseMode = try container.decodeIfPresent(Bool.self, forKey: .recurseMode)
        deleted = try container.decodeIfPresent(Bool.self, forKey: .deleted)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(path, forKey: .path)
        try container.encodeIfPresent(mode, forKey: .mode)
        try container.encodeIfPresent(`from`, forKey: .`from`)
        try container.encodeIfPresent(fromExpression, forKey: .fromExpression)
        try container.encodeIfPresent(globalName, forKey: .globalName)
        try container.encodeIfPresent(optional, forKey: .optional)
        try container.encodeIfPresent(subPath, forKey: .subPath)
        try container.encodeIfPresent(archiveLogs, forKey: .archiveLogs)
        try container.encodeIfPresent(recurseMode, forKey: .recurseMode)
        try container.encodeIfPresent(deleted, forKey: .deleted)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
