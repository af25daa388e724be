import PluginJSON

/// The reply of `POST /api/v1/workflow.preOperate`: optionally, the workflow with changed metadata.
///
/// ```swift
/// var workflow = args.workflow
/// workflow.metadata.labels?["checked"] = "true"
/// return WorkflowPreOperateReply(workflow: workflow)
/// ```
public struct WorkflowPreOperateReply: Sendable, Hashable, Codable {
    /// The workflow to use instead; absent to change nothing.
    public var workflow: Workflow?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        workflow: Workflow? = nil, unknownFields: [String: JSONValue] = [:]
    ) {
        self.workflow = workflow
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case workflow
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        workflow = try container.decodeIfPresent(Workflow.self, forKey: .workflow)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(workflow, forKey: .workflow)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
