import Foundation
import PluginJSON

/// Loading test resources and comparing JSON by meaning.
enum Fixtures {
    /// The bytes of `Resources/<path>`.
    static func data(_ path: String) throws -> Data {
        guard let root = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw FixtureError.missing("Resources")
        }
        return try Data(contentsOf: root.appendingPathComponent(path))
    }

    /// A request body from `Resources/bodies/<name>.json`.
    static func body(_ name: String) throws -> Data {
        try data("bodies/\(name).json")
    }

    /// An encoder writing deterministic JSON, as the SDK's replies do.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `data` parsed as a `JSONValue` tree.
    static func tree(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// `value` with every `null` object member removed: Go and these models read an absent optional and a `null`
    /// one the same way, so a round trip may turn one into the other.
    static func withoutNullMembers(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(members.filter { !$0.value.isNull }.mapValues(withoutNullMembers))
        case .array(let elements):
            return .array(elements.map(withoutNullMembers))
        default:
            return value
        }
    }

    /// `value` as Argo writes it back: scalars in the AnyString members of parameters (`value`, `default`,
    /// `description`, `enum`, `valueFrom.default`) become strings. Applies to every `parameters` array.
    static func stringifyingParameterScalars(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(var members):
            for (key, member) in members {
                if key == "parameters", case .array(let parameters) = member {
                    members[key] = .array(parameters.map { stringifyParameter(stringifyingParameterScalars($0)) })
                } else {
                    members[key] = stringifyingParameterScalars(member)
                }
            }
            return .object(members)
        case .array(let elements):
            return .array(elements.map(stringifyingParameterScalars))
        default:
            return value
        }
    }

    private static func stringifyParameter(_ parameter: JSONValue) -> JSONValue {
        guard case .object(var members) = parameter else { return parameter }
        for key in ["value", "default", "description"] {
            if let member = members[key] { members[key] = stringify(member) }
        }
        if case .array(let values)? = members["enum"] { members["enum"] = .array(values.map(stringify)) }
        if case .object(var valueFrom)? = members["valueFrom"], let fallback = valueFrom["default"] {
            valueFrom["default"] = stringify(fallback)
            members["valueFrom"] = .object(valueFrom)
        }
        return .object(members)
    }

    private static func stringify(_ scalar: JSONValue) -> JSONValue {
        switch scalar {
        case .integer(let value): return .string(String(value))
        case .number(let value): return .string(String(value))  // The bodies only use short decimals like 0.75.
        case .bool(let value): return .string(value ? "true" : "false")
        default: return scalar
        }
    }

    /// Decodes `data` as `T`, encodes it again and returns both JSON trees (nulls removed) for comparison.
    static func roundTrip<T: Codable>(_ type: T.Type, _ data: Data) throws -> (
        original: JSONValue, reencoded: JSONValue
    ) {
        let model = try JSONDecoder().decode(type, from: data)
        let reencoded = try encoder().encode(model)
        return (withoutNullMembers(try tree(data)), withoutNullMembers(try tree(reencoded)))
    }

    /// Encodes `value` deterministically as text.
    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }
}

enum FixtureError: Error {
    case missing(String)
}
