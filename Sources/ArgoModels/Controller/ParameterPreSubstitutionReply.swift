import PluginJSON

/// The reply of `POST /api/v1/parameters.add`: extra parameters to make available for substitution.
///
/// ```swift
/// return ParameterPreSubstitutionReply(parameters: ["build.id": "1842"])
/// ```
public struct ParameterPreSubstitutionReply: Sendable, Hashable, Codable {
    /// Extra parameters, by name.
    public var parameters: [String: String]?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        parameters: [String: String]? = nil, unknownFields: [String: JSONValue] = [:]
    ) {
        self.parameters = parameters
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case parameters
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        parameters = try container.decodeIfPresent([String: String].self, forKey: .parameters)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(parameters, forKey: .parameters)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
