import PluginJSON

/// The reply of `POST /api/v1/pod.preCreate` (an SDK-defined hook, see ``PodPreCreateArgs``).
///
/// Either the pod to create (the one received, modified: labels, annotations, an added sidecar), or a refusal
/// with a reason, or `{}` to let the pod be created as it is.
///
/// ```swift
/// return .refuse("image registry.example.com/untrusted is not on the allow list")
/// return .create(args.pod.addingLabel("team", "data"))
/// ```
public struct PodPreCreateReply: Sendable, Hashable, Codable {
    /// The pod to create instead of the one received; absent to keep it.
    public var pod: Pod?
    /// Set to refuse creating the pod.
    public var refusal: PodRefusal?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(pod: Pod? = nil, refusal: PodRefusal? = nil, unknownFields: [String: JSONValue] = [:]) {
        self.pod = pod
        self.refusal = refusal
        self.unknownFields = unknownFields
    }

    /// Create the pod as received.
    public static var proceed: PodPreCreateReply { PodPreCreateReply() }

    /// Create `pod` instead of the one received.
    public static func create(_ pod: Pod) -> PodPreCreateReply { PodPreCreateReply(pod: pod) }

    /// Do not create the pod; `reason` is shown on the node.
    public static func refuse(_ reason: String) -> PodPreCreateReply {
        PodPreCreateReply(refusal: PodRefusal(reason: reason))
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case pod, refusal
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pod = try container.decodeIfPresent(Pod.self, forKey: .pod)
        refusal = try container.decodeIfPresent(PodRefusal.self, forKey: .refusal)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(pod, forKey: .pod)
        try container.encodeIfPresent(refusal, forKey: .refusal)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}

/// Why a pod must not be created.
public struct PodRefusal: Sendable, Hashable, Codable {
    /// A message for the user, shown on the node.
    public var reason: String

    /// Creates a refusal.
    public init(reason: String) {
        self.reason = reason
    }
}

