import PluginJSON

/// The request of `POST /api/v1/workflow.postOperate`: the controller has operated on a workflow.
///
/// Argo sends the workflow before (`old`) and after (`new`) the operation. Argo's published swagger documents this
/// request as `WorkflowPreOperateArgs` (`{"workflow": ...}`); that is an error in the swagger, Argo's client sends
/// `old`/`new`. Both are `null` on the wire only if Argo has no workflow, so both are optional.
///
/// ```swift
/// if args.old?.metadata.labels?["phase"] != args.new?.metadata.labels?["phase"] { ... }
/// ```
public struct WorkflowPostOperateArgs: Sendable, Hashable, Codable {
    /// The workflow before the operation.
    public var old: Workflow?
    /// The workflow after the operation.
    public var `new`: Workflow?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        old: Workflow? = nil, `new`: Workflow? = nil, unknownFields: [String: JSONValue] = [:]
    ) {
        self.old = old
        self.`new` = `new`
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case old, `new`
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        old = try container.decodeIfPresent(Workflow.self, forKey: .old)
        `new` = try container.decodeIfPresent(Workflow.self, forKey: .`new`)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(old, forKey: .old)
        try container.encodeIfPresent(`new`, forKey: .`new`)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
