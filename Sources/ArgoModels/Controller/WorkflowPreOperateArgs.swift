import PluginJSON

/// The request of `POST /api/v1/workflow.preOperate`: the controller is about to operate on a workflow.
///
/// ```swift
/// let args = try JSONDecoder().decode(WorkflowPreOperateArgs.self, from: body)
/// ```
public struct WorkflowPreOperateArgs: Sendable, Hashable, Codable {
    /// The workflow.
    public var workflow: Workflow
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; optional members default to absent.
    public init(
        workflow: Workflow, unknownFields: [String: JSONValue] = [:]
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
        workflow = try container.decode(Workflow.self, forKey: .workflow)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(workflow, forKey: .workflow)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
