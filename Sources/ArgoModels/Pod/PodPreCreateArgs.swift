import PluginJSON

/// The request of `POST /api/v1/pod.preCreate`, a pod lifecycle hook defined by this SDK.
///
/// Argo's plugin design lists pod lifecycle hooks (add labels or annotations, add a sidecar, prevent pod
/// creation) but removed them before giving them wire names. `pod.preCreate` and `pod.postCreate` are the names
/// this SDK gives them; no released Argo controller calls them.
public struct PodPreCreateArgs: Sendable, Hashable, Codable {
    /// The workflow the pod belongs to.
    public var workflow: Workflow
    /// The template the pod runs.
    public var template: Template
    /// The pod about to be created.
    public var pod: Pod
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value.
    public init(workflow: Workflow, template: Template, pod: Pod, unknownFields: [String: JSONValue] = [:]) {
        self.workflow = workflow
        self.template = template
        self.pod = pod
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case workflow, template, pod
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        workflow = try container.decode(Workflow.self, forKey: .workflow)
        template = try container.decode(Template.self, forKey: .template)
        pod = try container.decode(Pod.self, forKey: .pod)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(workflow, forKey: .workflow)
        try container.encode(template, forKey: .template)
        try container.encode(pod, forKey: .pod)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}

/// The request of `POST /api/v1/pod.postCreate` (an SDK-defined hook, see ``PodPreCreateArgs``): the pod as
/// created. Same shape as `pod.preCreate`.
public typealias PodPostCreateArgs = PodPreCreateArgs
