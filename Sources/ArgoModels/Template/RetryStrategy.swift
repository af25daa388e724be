import PluginJSON

/// When and how often Argo retries a failed node.
public struct RetryStrategy: Sendable, Hashable, Codable {
    /// The most retries; a number or an expression.
    public var limit: IntOrString?
    /// `Always`, `OnFailure`, `OnError` or `OnTransientError`.
    public var retryPolicy: String?
    /// How long to wait between retries.
    public var backoff: Backoff?
    /// An expression that must hold for a retry.
    public var expression: String?
    /// Node anti-affinity for retries, kept as sent.
    public var affinity: JSONValue?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        limit: IntOrString? = nil, retryPolicy: String? = nil, backoff: Backoff? = nil, expression: String? = nil,
        affinity: JSONValue? = nil, unknownFields: [String: JSONValue] = [:]
    ) {
        self.limit = limit
        self.retryPolicy = retryPolicy
        self.backoff = backoff
        self.expression = expression
        self.affinity = affinity
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case limit, retryPolicy, backoff, expression, affinity
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        limit = try container.decodeIfPresent(IntOrString.self, forKey: .limit)
        retryPolicy = try container.decodeIfPresent(String.self, forKey: .retryPolicy)
        backoff = try container.decodeIfPresent(Backoff.self, forKey: .backoff)
        expression = try container.decodeIfPresent(String.self, forKey: .expression)
        affinity = try container.decodeJSONValueIfPresent(forKey: .affinity)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(limit, forKey: .limit)
        try container.encodeIfPresent(retryPolicy, forKey: .retryPolicy)
        try container.encodeIfPresent(backoff, forKey: .backoff)
        try container.encodeIfPresent(expression, forKey: .expression)
        try container.encodeIfPresent(affinity, forKey: .affinity)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
