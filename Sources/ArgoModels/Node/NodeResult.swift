import PluginJSON

/// The part of a node a plugin reports back: its phase, message and outputs.
///
/// Argo's controller copies exactly those three into the node (`workflow/controller/taskset.go`). A result
/// without a phase is dropped by Argo's agent, and the SDK answers one as `Failed` (see the reply rules).
///
/// ```swift
/// let result = NodeResult(phase: .succeeded, message: "posted to #ci")
/// ```
public struct NodeResult: Sendable, Hashable, Codable {
    /// The node's new phase.
    public var phase: NodePhase?
    /// A human-readable message shown in the UI.
    public var message: String?
    /// The node's outputs.
    public var outputs: Outputs?
    /// The node's progress, `"N/M"`: part of Argo's `NodeResult` type, kept so the model round-trips, but Argo's
    /// controller does not copy it into the node, so a plugin's progress is never shown.
    public var progress: NodeProgress?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        phase: NodePhase? = nil, message: String? = nil, outputs: Outputs? = nil, progress: NodeProgress? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.phase = phase
        self.message = message
        self.outputs = outputs
        self.progress = progress
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case phase, message, outputs, progress
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        phase = try container.decodeIfPresent(NodePhase.self, forKey: .phase)
        message = try container.decodeIfPresent(String.self, forKey: .message)
        outputs = try container.decodeIfPresent(Outputs.self, forKey: .outputs)
        progress = try container.decodeIfPresent(NodeProgress.self, forKey: .progress)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(phase, forKey: .phase)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeIfPresent(outputs, forKey: .outputs)
        try container.encodeIfPresent(progress, forKey: .progress)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
