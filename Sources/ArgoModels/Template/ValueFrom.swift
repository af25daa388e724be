import PluginJSON

/// Where a parameter's value comes from, when it is not given inline.
public struct ValueFrom: Sendable, Hashable, Codable {
    /// A file in the main container whose contents are the value (outputs).
    public var path: String?
    /// A JSONPath into a resource template's output.
    public var jsonPath: String?
    /// A jq filter over a resource template's output.
    public var jqFilter: String?
    /// An expression over the event that triggered the workflow.
    public var event: String?
    /// Another parameter, e.g. `{{steps.a.outputs.parameters.x}}`.
    public var parameter: String?
    /// An expression whose result is the value.
    public var expression: String?
    /// The value to use when the source yields nothing.
    public var `default`: AnyString?
    /// Set when the value is supplied later, for example by resuming a suspend node.
    public var supplied: JSONValue?
    /// A key of a config map holding the value.
    public var configMapKeyRef: JSONValue?
    /// Members this type does not name, kept as sent and written back unchanged.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; every member defaults to absent.
    public init(
        path: String? = nil, jsonPath: String? = nil, jqFilter: String? = nil, event: String? = nil,
        parameter: String? = nil, expression: String? = nil, `default`: AnyString? = nil, supplied: JSONValue? = nil,
        configMapKeyRef: JSONValue? = nil, unknownFields: [String: JSONValue] = [:]
    ) {
        self.path = path
        self.jsonPath = jsonPath
        self.jqFilter = jqFilter
        self.event = event
        self.parameter = parameter
        self.expression = expression
        self.`default` = `default`
        self.supplied = supplied
        self.configMapKeyRef = configMapKeyRef
        self.unknownFields = unknownFields
    }

    enum CodingKeys: String, LosslessCodingKeys {
        case path, jsonPath, jqFilter, event, parameter, expression, `default`, supplied, configMapKeyRef
    }

    static let knownKeys = CodingKeys.makeKnownKeys()

    /// Decodes the typed members and keeps the rest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decodeIfPresent(String.self, forKey: .path)
        jsonPath = try container.decodeIfPresent(String.self, forKey: .jsonPath)
        jqFilter = try container.decodeIfPresent(String.self, forKey: .jqFilter)
        event = try container.decodeIfPresent(String.self, forKey: .event)
        parameter = try container.decodeIfPresent(String.self, forKey: .parameter)
        expression = try container.decodeIfPresent(String.self, forKey: .expression)
        `default` = try container.decodeIfPresent(AnyString.self, forKey: .`default`)
        supplied = try container.decodeJSONValueIfPresent(forKey: .supplied)
        configMapKeyRef = try container.decodeJSONValueIfPresent(forKey: .configMapKeyRef)
        unknownFields = try decoder.unknownFields(excluding: Self.knownKeys)
    }

    /// Encodes the typed members that are set, then the kept ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(path, forKey: .path)
        try container.encodeIfPresent(jsonPath, forKey: .jsonPath)
        try container.encodeIfPresent(jqFilter, forKey: .jqFilter)
        try container.encodeIfPresent(event, forKey: .event)
        try container.encodeIfPresent(parameter, forKey: .parameter)
        try container.encodeIfPresent(expression, forKey: .expression)
        try container.encodeIfPresent(`default`, forKey: .`default`)
        try container.encodeIfPresent(supplied, forKey: .supplied)
        try container.encodeIfPresent(configMapKeyRef, forKey: .configMapKeyRef)
        try encoder.encodeUnknownFields(unknownFields, excluding: Self.knownKeys)
    }
}
