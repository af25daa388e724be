import PluginJSON

/// A Kubernetes object's metadata, as Argo sends it for the workflow.
///
/// The executor contract sends `name`, `namespace` and `uid`; the controller contract sends the full
/// Kubernetes metadata. Every field is optional. Timestamps are RFC 3339 strings (`"2026-10-27T09:14:03Z"`)
/// kept as text; Kubernetes may send them as `null`, which reads as `nil`. Members this type does not name are
/// kept in ``unknownFields`` and written back.
///
/// ```swift
/// let meta = ObjectMeta(name: "ci-7x2kq", namespace: "argo", labels: ["team": "platform"])
/// meta.labels?["team"]  // "platform"
/// ```
public struct ObjectMeta: Sendable, Hashable, Codable {
    /// The object's name, unique in its namespace.
    public var name: String?
    /// The prefix the API server used to generate ``name``.
    public var generateName: String?
    /// The namespace.
    public var namespace: String?
    /// The object's unique ID.
    public var uid: String?
    /// The version of the object the API server last stored (opaque text).
    public var resourceVersion: String?
    /// The generation of the desired state.
    public var generation: Int64?
    /// When the object was created, RFC 3339.
    public var creationTimestamp: String?
    /// When the object is to be deleted, RFC 3339; set once deletion was requested.
    public var deletionTimestamp: String?
    /// Seconds the object has to terminate gracefully once deleted.
    public var deletionGracePeriodSeconds: Int64?
    /// Labels.
    public var labels: [String: String]?
    /// Annotations.
    public var annotations: [String: String]?
    /// The objects this one depends on.
    public var ownerReferences: [OwnerReference]?
    /// Finalizers that must be removed before the object is deleted.
    public var finalizers: [String]?
    /// Which manager set which fields (server-side apply bookkeeping).
    public var managedFields: [ManagedFieldsEntry]?
    /// Deprecated: the object's API URL. Kept for old API servers.
    public var selfLink: String?
    /// Deprecated and unused by Kubernetes; present in Argo v3.3's controller contract.
    public var clusterName: String?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Metadata with the given members; everything defaults to absent.
    public init(
        name: String? = nil, generateName: String? = nil, namespace: String? = nil, uid: String? = nil,
        resourceVersion: String? = nil, generation: Int64? = nil, creationTimestamp: String? = nil,
        deletionTimestamp: String? = nil, deletionGracePeriodSeconds: Int64? = nil,
        labels: [String: String]? = nil, annotations: [String: String]? = nil,
        ownerReferences: [OwnerReference]? = nil, finalizers: [String]? = nil,
        managedFields: [ManagedFieldsEntry]? = nil, selfLink: String? = nil, clusterName: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.generateName = generateName
        self.namespace = namespace
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.generation = generation
        self.creationTimestamp = creationTimestamp
        self.deletionTimestamp = deletionTimestamp
        self.deletionGracePeriodSeconds = deletionGracePeriodSeconds
        self.labels = labels
        self.annotations = annotations
        self.ownerReferences = ownerReferences
        self.finalizers = finalizers
        self.managedFields = managedFields
        self.selfLink = selfLink
        self.clusterName = clusterName
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp
        case deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers
        case managedFields, selfLink, clusterName
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        generateName = try container.decodeIfPresent(String.self, forKey: .generateName)
        namespace = try container.decodeIfPresent(String.self, forKey: .namespace)
        uid = try container.decodeIfPresent(String.self, forKey: .uid)
        resourceVersion = try container.decodeIfPresent(String.self, forKey: .resourceVersion)
        generation = try container.decodeIfPresent(Int64.self, forKey: .generation)
        creationTimestamp = try container.decodeIfPresent(String.self, forKey: .creationTimestamp)
        deletionTimestamp = try container.decodeIfPresent(String.self, forKey: .deletionTimestamp)
        deletionGracePeriodSeconds = try container.decodeIfPresent(Int64.self, forKey: .deletionGracePeriodSeconds)
        labels = try container.decodeIfPresent([String: String].self, forKey: .labels)
        annotations = try container.decodeIfPresent([String: String].self, forKey: .annotations)
        ownerReferences = try container.decodeIfPresent([OwnerReference].self, forKey: .ownerReferences)
        finalizers = try container.decodeIfPresent([String].self, forKey: .finalizers)
        managedFields = try container.decodeIfPresent([ManagedFieldsEntry].self, forKey: .managedFields)
        selfLink = try container.decodeIfPresent(String.self, forKey: .selfLink)
        clusterName = try container.decodeIfPresent(String.self, forKey: .clusterName)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(generateName, forKey: .generateName)
        try container.encodeIfPresent(namespace, forKey: .namespace)
        try container.encodeIfPresent(uid, forKey: .uid)
        try container.encodeIfPresent(resourceVersion, forKey: .resourceVersion)
        try container.encodeIfPresent(generation, forKey: .generation)
        try container.encodeIfPresent(creationTimestamp, forKey: .creationTimestamp)
        try container.encodeIfPresent(deletionTimestamp, forKey: .deletionTimestamp)
        try container.encodeIfPresent(deletionGracePeriodSeconds, forKey: .deletionGracePeriodSeconds)
        try container.encodeIfPresent(labels, forKey: .labels)
        try container.encodeIfPresent(annotations, forKey: .annotations)
        try container.encodeIfPresent(ownerReferences, forKey: .ownerReferences)
        try container.encodeIfPresent(finalizers, forKey: .finalizers)
        try container.encodeIfPresent(managedFields, forKey: .managedFields)
        try container.encodeIfPresent(selfLink, forKey: .selfLink)
        try container.encodeIfPresent(clusterName, forKey: .clusterName)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
