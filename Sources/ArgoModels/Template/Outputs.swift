import PluginJSON

/// What a template (or a plugin's node) produces: parameters, artifacts, a result and an exit code.
///
/// ```swift
/// let outputs = Outputs().parameter("url", "https://example.com/b/42").result("ok")
/// ```
public struct Outputs: Sendable, Hashable, Codable {
    /// Output parameters, in order.
    public var parameters: [Parameter]?
    /// Output artifacts, in order.
    public var artifacts: [Artifact]?
    /// The template's result (a script's standard output, a plugin's answer).
    public var result: String?
    /// The main container's exit code, as text.
    public var exitCode: String?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        parameters: [Parameter]? = nil, artifacts: [Artifact]? = nil, result: String? = nil, exitCode: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.parameters = parameters
        self.artifacts = artifacts
        self.result = result
        self.exitCode = exitCode
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case parameters, artifacts, result, exitCode
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        parameters = try container.decodeIfPresent([Parameter].self, forKey: .parameters)
        artifacts = try container.decodeIfPresent([Artifact].self, forKey: .artifacts)
        result = try container.decodeIfPresent(String.self, forKey: .result)
        exitCode = try container.decodeIfPresent(String.self, forKey: .exitCode)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(parameters, forKey: .parameters)
        try container.encodeIfPresent(artifacts, forKey: .artifacts)
        try container.encodeIfPresent(result, forKey: .result)
        try container.encodeIfPresent(exitCode, forKey: .exitCode)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
