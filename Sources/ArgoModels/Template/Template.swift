import PluginJSON

/// A workflow template: what Argo asks a plugin to run or tells it about.
///
/// The members plugins use are typed; every other member (`container`, `script`, `dag`, `steps`, `volumes`,
/// `sidecars`, `affinity`, ...) is kept in ``unknownFields`` as Argo sent it, so a modified template drops nothing.
/// ``plugin`` holds the `plugin:` block of a plugin template, keyed by plugin name.
///
/// ```swift
/// let template = Template(name: "notify", plugin: ["hello": ["channel": "#ci"]])
/// template.pluginConfig(for: "hello")?["channel"]  // .string("#ci")
/// ```
public struct Template: Sendable, Hashable, Codable {
    /// The template's name.
    public var name: String?
    /// What the template takes.
    public var inputs: Inputs?
    /// What the template produces.
    public var outputs: Outputs?
    /// Labels and annotations for the template's pod.
    public var metadata: Metadata?
    /// A plugin template's configuration, keyed by plugin name: `{"hello": {...}}`.
    public var plugin: [String: JSONValue]?
    /// Annotations on the template itself (executor contract).
    public var annotations: [String: String]?
    /// Node labels the template's pod must be scheduled on.
    public var nodeSelector: [String: String]?
    /// How long a plugin or HTTP template may take, e.g. `"30s"`; may be an expression.
    public var timeout: String?
    /// The most seconds the template may run; a number or an expression.
    public var activeDeadlineSeconds: IntOrString?
    /// How failed nodes of this template are retried.
    public var retryStrategy: RetryStrategy?
    /// The service account the template's pod runs as.
    public var serviceAccountName: String?
    /// Whether the service account token is mounted.
    public var automountServiceAccountToken: Bool?
    /// How the template's outputs are cached.
    public var memoize: Memoize?
    /// Whether the template runs as a daemon.
    public var daemon: Bool?
    /// Whether a failing child stops the rest.
    public var failFast: Bool?
    /// The most children running at once.
    public var parallelism: Int64?
    /// The template's scheduling priority (Argo v3.3 controller contract).
    public var priority: Int64?
    /// The pod's priority class.
    public var priorityClassName: String?
    /// The pod's scheduler.
    public var schedulerName: String?
    /// A patch applied to the pod spec (JSON or YAML text).
    public var podSpecPatch: String?
    /// How long the pod may stay pending, e.g. `"10m"`.
    public var pendingTimeout: String?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        name: String? = nil, inputs: Inputs? = nil, outputs: Outputs? = nil, metadata: Metadata? = nil,
        plugin: [String: JSONValue]? = nil, annotations: [String: String]? = nil,
        nodeSelector: [String: String]? = nil, timeout: String? = nil, activeDeadlineSeconds: IntOrString? = nil,
        retryStrategy: RetryStrategy? = nil, serviceAccountName: String? = nil,
        automountServiceAccountToken: Bool? = nil, memoize: Memoize? = nil, daemon: Bool? = nil,
        failFast: Bool? = nil, parallelism: Int64? = nil, priority: Int64? = nil, priorityClassName: String? = nil,
        schedulerName: String? = nil, podSpecPatch: String? = nil, pendingTimeout: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.inputs = inputs
        self.outputs = outputs
        self.metadata = metadata
        self.plugin = plugin
        self.annotations = annotations
        self.nodeSelector = nodeSelector
        self.timeout = timeout
        self.activeDeadlineSeconds = activeDeadlineSeconds
        self.retryStrategy = retryStrategy
        self.serviceAccountName = serviceAccountName
        self.automountServiceAccountToken = automountServiceAccountToken
        self.memoize = memoize
        self.daemon = daemon
        self.failFast = failFast
        self.parallelism = parallelism
        self.priority = priority
        self.priorityClassName = priorityClassName
        self.schedulerName = schedulerName
        self.podSpecPatch = podSpecPatch
        self.pendingTimeout = pendingTimeout
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case name, inputs, outputs, metadata, plugin, annotations, nodeSelector, timeout, activeDeadlineSeconds,
            retryStrategy, serviceAccountName, automountServiceAccountToken, memoize, daemon, failFast, parallelism,
            priority, priorityClassName, schedulerName, podSpecPatch, pendingTimeout
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        inputs = try container.decodeIfPresent(Inputs.self, forKey: .inputs)
        outputs = try container.decodeIfPresent(Outputs.self, forKey: .outputs)
        metadata = try container.decodeIfPresent(Metadata.self, forKey: .metadata)
        plugin = try container.decodeIfPresent([String: JSONValue].self, forKey: .plugin)
        annotations = try container.decodeIfPresent([String: String].self, forKey: .annotations)
        nodeSelector = try container.decodeIfPresent([String: String].self, forKey: .nodeSelector)
        timeout = try container.decodeIfPresent(String.self, forKey: .timeout)
        activeDeadlineSeconds = try container.decodeIfPresent(IntOrString.self, forKey: .activeDeadlineSeconds)
        retryStrategy = try container.decodeIfPresent(RetryStrategy.self, forKey: .retryStrategy)
        serviceAccountName = try container.decodeIfPresent(String.self, forKey: .serviceAccountName)
        automountServiceAccountToken = try container.decodeIfPresent(Bool.self, forKey: .automountServiceAccountToken)
        memoize = try container.decodeIfPresent(Memoize.self, forKey: .memoize)
        daemon = try container.decodeIfPresent(Bool.self, forKey: .daemon)
        failFast = try container.decodeIfPresent(Bool.self, forKey: .failFast)
        parallelism = try container.decodeIfPresent(Int64.self, forKey: .parallelism)
        priority = try container.decodeIfPresent(Int64.self, forKey: .priority)
        priorityClassName = try container.decodeIfPresent(String.self, forKey: .priorityClassName)
        schedulerName = try container.decodeIfPresent(String.self, forKey: .schedulerName)
        podSpecPatch = try container.decodeIfPresent(String.self, forKey: .podSpecPatch)
        pendingTimeout = try container.decodeIfPresent(String.self, forKey: .pendingTimeout)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(inputs, forKey: .inputs)
        try container.encodeIfPresent(outputs, forKey: .outputs)
        try container.encodeIfPresent(metadata, forKey: .metadata)
        try container.encodeIfPresent(plugin, forKey: .plugin)
        try container.encodeIfPresent(annotations, forKey: .annotations)
        try container.encodeIfPresent(nodeSelector, forKey: .nodeSelector)
        try container.encodeIfPresent(timeout, forKey: .timeout)
        try container.encodeIfPresent(activeDeadlineSeconds, forKey: .activeDeadlineSeconds)
        try container.encodeIfPresent(retryStrategy, forKey: .retryStrategy)
        try container.encodeIfPresent(serviceAccountName, forKey: .serviceAccountName)
        try container.encodeIfPresent(automountServiceAccountToken, forKey: .automountServiceAccountToken)
        try container.encodeIfPresent(memoize, forKey: .memoize)
        try container.encodeIfPresent(daemon, forKey: .daemon)
        try container.encodeIfPresent(failFast, forKey: .failFast)
        try container.encodeIfPresent(parallelism, forKey: .parallelism)
        try container.encodeIfPresent(priority, forKey: .priority)
        try container.encodeIfPresent(priorityClassName, forKey: .priorityClassName)
        try container.encodeIfPresent(schedulerName, forKey: .schedulerName)
        try container.encodeIfPresent(podSpecPatch, forKey: .podSpecPatch)
        try container.encodeIfPresent(pendingTimeout, forKey: .pendingTimeout)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
