import PluginJSON

/// A named string passed into or out of a template.
///
/// `value`, `default`, `description` and `enum` are ``AnyString``: Argo accepts numbers and Booleans there and treats
/// them as text.
///
/// ```swift
/// let parameter = Parameter(name: "greeting", value: "hello")
/// ```
public struct Parameter: Sendable, Hashable, Codable {
    /// The parameter's name. Argo always sends it.
    public var name: String
    /// The value.
    public var value: AnyString?
    /// The value used when none is given.
    public var `default`: AnyString?
    /// What the parameter is for.
    public var description: AnyString?
    /// The allowed values.
    public var `enum`: [AnyString]?
    /// The name under which an output is exported as a workflow-wide parameter.
    public var globalName: String?
    /// Where the value comes from when it is not inline.
    public var valueFrom: ValueFrom?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; optional members default to absent.
    public init(
        name: String, value: AnyString? = nil, `default`: AnyString? = nil, description: AnyString? = nil,
        `enum`: [AnyString]? = nil, globalName: String? = nil, valueFrom: ValueFrom? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.value = value
        self.`default` = `default`
        self.description = description
        self.`enum` = `enum`
        self.globalName = globalName
        self.valueFrom = valueFrom
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case name, value, `default`, description, `enum`, globalName, valueFrom
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        value = try container.decodeIfPresent(AnyString.self, forKey: .value)
        `default` = try container.decodeIfPresent(AnyString.self, forKey: .`default`)
        description = try container.decodeIfPresent(AnyString.self, forKey: .description)
        `enum` = try container.decodeIfPresent([AnyString].self, forKey: .`enum`)
        globalName = try container.decodeIfPresent(String.self, forKey: .globalName)
        valueFrom = try container.decodeIfPresent(ValueFrom.self, forKey: .valueFrom)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(value, forKey: .value)
        try container.encodeIfPresent(`default`, forKey: .`default`)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(`enum`, forKey: .`enum`)
        try container.encodeIfPresent(globalName, forKey: .globalName)
        try container.encodeIfPresent(valueFrom, forKey: .valueFrom)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
