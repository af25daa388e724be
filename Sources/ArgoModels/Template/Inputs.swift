import PluginJSON

/// What a template takes: parameters and artifacts.
///
/// ```swift
/// let inputs = Inputs(parameters: [Parameter(name: "channel", value: "#ci")])
/// inputs.value(of: "channel")  // "#ci"
/// ```
public struct Inputs: Sendable, Hashable, Codable {
    /// Input parameters, in order.
    public var parameters: [Parameter]?
    /// Input artifacts, in order.
    public var artifacts: [Artifact]?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        parameters: [Parameter]? = nil, artifacts: [Artifact]? = nil, unknownFields: [String: JSONValue] = [:]
    ) {
        self.parameters = parameters
        self.artifacts = artifacts
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case parameters, artifacts
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        parameters = try container.decodeIfPresent([Parameter].self, forKey: .parameters)
        artifacts = try container.decodeIfPresent([Artifact].self, forKey: .artifacts)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(parameters, forKey: .parameters)
        try container.encodeIfPresent(artifacts, forKey: .artifacts)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
