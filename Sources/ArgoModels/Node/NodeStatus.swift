import PluginJSON

/// A node of a workflow's graph, as the controller hooks see it.
///
/// Timestamps are RFC 3339 strings and may be `null` (not started or not finished yet), which reads as `nil`.
/// ``resourcesDuration`` maps resource names (`cpu`, `memory`, ...) to resource-seconds.
///
/// ```swift
/// let node = NodeStatus(id: "wf-123", name: "wf.step", type: .pod, phase: .running)
/// ```
public struct NodeStatus: Sendable, Hashable, Codable {
    /// The node's ID, unique in the workflow.
    public var id: String?
    /// The node's unique name, e.g. `wf[0].step(1)`.
    public var name: String?
    /// The short name shown in the UI.
    public var displayName: String?
    /// The node's kind.
    public var type: NodeType?
    /// The name of the template the node runs.
    public var templateName: String?
    /// The workflow template the node's template comes from.
    public var templateRef: TemplateRef?
    /// The scope the template was resolved in, e.g. `local/wf`.
    public var templateScope: String?
    /// The node's phase.
    public var phase: NodePhase?
    /// A human-readable message.
    public var message: String?
    /// The ID of the template node (steps or DAG) the node is inside.
    public var boundaryID: String?
    /// When the node started, RFC 3339.
    public var startedAt: String?
    /// When the node finished, RFC 3339.
    public var finishedAt: String?
    /// How long the node is expected to take, in seconds.
    public var estimatedDuration: Int64?
    /// The node's progress, `"N/M"`.
    public var progress: NodeProgress?
    /// Resource-seconds used, by resource name.
    public var resourcesDuration: [String: Int64]?
    /// The IP of the node's pod, for daemons.
    public var podIP: String?
    /// Whether the node is a running daemon.
    public var daemoned: Bool?
    /// Why the node exists (hook or retry); newer than Argo v3.3.
    public var nodeFlag: NodeFlag?
    /// The node's resolved inputs.
    public var inputs: Inputs?
    /// The node's outputs.
    public var outputs: Outputs?
    /// The IDs of the node's children.
    public var children: [String]?
    /// The IDs of the nodes a template node ends with.
    public var outboundNodes: [String]?
    /// The Kubernetes node the pod ran on.
    public var hostNodeName: String?
    /// Whether the outputs came from the cache.
    public var memoizationStatus: MemoizationStatus?
    /// What the node waits for to acquire a lock.
    public var synchronizationStatus: NodeSynchronizationStatus?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        id: String? = nil, name: String? = nil, displayName: String? = nil, type: NodeType? = nil,
        templateName: String? = nil, templateRef: TemplateRef? = nil, templateScope: String? = nil,
        phase: NodePhase? = nil, message: String? = nil, boundaryID: String? = nil, startedAt: String? = nil,
        finishedAt: String? = nil, estimatedDuration: Int64? = nil, progress: NodeProgress? = nil,
        resourcesDuration: [String: Int64]? = nil, podIP: String? = nil, daemoned: Bool? = nil,
        nodeFlag: NodeFlag? = nil, inputs: Inputs? = nil, outputs: Outputs? = nil, children: [String]? = nil,
        outboundNodes: [String]? = nil, hostNodeName: String? = nil, memoizationStatus: MemoizationStatus? = nil,
        synchronizationStatus: NodeSynchronizationStatus? = nil, unknownFields: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.name = name
        self.displayName = displayName
        self.type = type
        self.templateName = templateName
        self.templateRef = templateRef
        self.templateScope = templateScope
        self.phase = phase
        self.message = message
        self.boundaryID = boundaryID
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.estimatedDuration = estimatedDuration
        self.progress = progress
        self.resourcesDuration = resourcesDuration
        self.podIP = podIP
        self.daemoned = daemoned
        self.nodeFlag = nodeFlag
        self.inputs = inputs
        self.outputs = outputs
        self.children = children
        self.outboundNodes = outboundNodes
        self.hostNodeName = hostNodeName
        self.memoizationStatus = memoizationStatus
        self.synchronizationStatus = synchronizationStatus
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case id, name, displayName, type, templateName, templateRef, templateScope, phase, message, boundaryID,
            startedAt, finishedAt, estimatedDuration, progress, resourcesDuration, podIP, daemoned, nodeFlag, inputs,
            outputs, children, outboundNodes, hostNodeName, memoizationStatus, synchronizationStatus
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        displayName = try container.decodeIfPresent(String.self, forKey: .displayName)
        type = try container.decodeIfPresent(NodeType.self, forKey: .type)
        templateName = try container.decodeIfPresent(String.self, forKey: .templateName)
        templateRef = try container.decodeIfPresent(TemplateRef.self, forKey: .templateRef)
        templateScope = try container.decodeIfPresent(String.self, forKey: .templateScope)
        phase = try container.decodeIfPresent(NodePhase.self, forKey: .phase)
        message = try container.decodeIfPresent(String.self, forKey: .message)
        boundaryID = try container.decodeIfPresent(String.self, forKey: .boundaryID)
        startedAt = try container.decodeIfPresent(String.self, forKey: .startedAt)
        finishedAt = try container.decodeIfPresent(String.self, forKey: .finishedAt)
        estimatedDuration = try container.decodeIfPresent(Int64.self, forKey: .estimatedDuration)
        progress = try container.decodeIfPresent(NodeProgress.self, forKey: .progress)
        resourcesDuration = try container.decodeIfPresent([String: Int64].self, forKey: .resourcesDuration)
        podIP = try container.decodeIfPresent(String.self, forKey: .podIP)
        daemoned = try container.decodeIfPresent(Bool.self, forKey: .daemoned)
        nodeFlag = try container.decodeIfPresent(NodeFlag.self, forKey: .nodeFlag)
        inputs = try container.decodeIfPresent(Inputs.self, forKey: .inputs)
        outputs = try container.decodeIfPresent(Outputs.self, forKey: .outputs)
        children = try container.decodeIfPresent([String].self, forKey: .children)
        outboundNodes = try container.decodeIfPresent([String].self, forKey: .outboundNodes)
        hostNodeName = try container.decodeIfPresent(String.self, forKey: .hostNodeName)
        memoizationStatus = try container.decodeIfPresent(MemoizationStatus.self, forKey: .memoizationStatus)
        synchronizationStatus = try container.decodeIfPresent(
            NodeSynchronizationStatus.self, forKey: .synchronizationStatus)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(displayName, forKey: .displayName)
        try container.encodeIfPresent(type, forKey: .type)
        try container.encodeIfPresent(templateName, forKey: .templateName)
        try container.encodeIfPresent(templateRef, forKey: .templateRef)
        try container.encodeIfPresent(templateScope, forKey: .templateScope)
        try container.encodeIfPresent(phase, forKey: .phase)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeIfPresent(boundaryID, forKey: .boundaryID)
        try container.encodeIfPresent(startedAt, forKey: .startedAt)
        try container.encodeIfPresent(finishedAt, forKey: .finishedAt)
        try container.encodeIfPresent(estimatedDuration, forKey: .estimatedDuration)
        try container.encodeIfPresent(progress, forKey: .progress)
        try container.encodeIfPresent(resourcesDuration, forKey: .resourcesDuration)
        try container.encodeIfPresent(podIP, forKey: .podIP)
        try container.encodeIfPresent(daemoned, forKey: .daemoned)
        try container.encodeIfPresent(nodeFlag, forKey: .nodeFlag)
        try container.encodeIfPresent(inputs, forKey: .inputs)
        try container.encodeIfPresent(outputs, forKey: .outputs)
        try container.encodeIfPresent(children, forKey: .children)
        try container.encodeIfPresent(outboundNodes, forKey: .outboundNodes)
        try container.encodeIfPresent(hostNodeName, forKey: .hostNodeName)
        try container.encodeIfPresent(memoizationStatus, forKey: .memoizationStatus)
        try container.encodeIfPresent(synchronizationStatus, forKey: .synchronizationStatus)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
