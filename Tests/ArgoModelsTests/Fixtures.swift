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

    /// Decodes `data` as `T`, encodes it again and returns both JSON trees (nulls removed) for comparison.
    static func roundTrip<T: Codable>(_ type: T.Type, _ data: Data) throws -> (original: JSONValue, reencoded: JSONValue) {
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
