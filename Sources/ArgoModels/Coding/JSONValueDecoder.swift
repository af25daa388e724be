import PluginJSON

/// Decodes any `Decodable` type from an already-parsed `JSONValue`, without Foundation.
///
/// Used to turn a plugin's configuration (`template.plugin.<name>`) into the author's own type. Errors are
/// `DecodingError`s with the coding path of the offending member, and their descriptions name it too:
/// `"channel": expected String, found number`.
struct JSONValueDecoder {
    /// Decodes `type` from `value`.
    func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try JSONValueDecoding(value: value, codingPath: []).unbox(value, as: type, path: [])
    }
}

/// The `Decoder` handed to `init(from:)`: one JSON value and where it sits.
struct JSONValueDecoding: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]

    /// No user info: plugin configuration types need none.
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw Self.mismatch([String: JSONValue].self, expected: "object", found: value, path: codingPath)
        }
        return KeyedDecodingContainer(
            JSONValueKeyedContainer<Key>(members: members, codingPath: codingPath, decoder: self)
        )
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw Self.mismatch([JSONValue].self, expected: "array", found: value, path: codingPath)
        }
        return JSONValueUnkeyedContainer(elements: elements, codingPath: codingPath, decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        JSONValueSingleValueContainer(decoder: self)
    }

    // MARK: Converting values

    /// Decodes `value`, found at `path`, as `type`. Scalars are converted here; everything else goes through the
    /// type's own `init(from:)` with a nested decoder.
    func unbox<T: Decodable>(_ value: JSONValue, as type: T.Type, path: [any CodingKey]) throws -> T {
        switch type {
        case is JSONValue.Type:
            return value as! T  // T is JSONValue: the cast cannot fail.
        case is String.Type:
            guard case .string(let text) = value else {
                throw Self.mismatch(type, expected: "String", found: value, path: path)
            }
            return text as! T
        case is Bool.Type:
            guard case .bool(let flag) = value else {
                throw Self.mismatch(type, expected: "Bool", found: value, path: path)
            }
            return flag as! T
        case is Double.Type:
            return try double(value, as: type, path: path) as! T
        case is Float.Type:
            return Float(try double(value, as: type, path: path)) as! T
        case let integerType as any FixedWidthInteger.Type:
            return try integer(value, as: integerType, path: path) as! T
        default:
            return try T(from: JSONValueDecoding(value: value, codingPath: path))
        }
    }

    private func double(_ value: JSONValue, as type: Any.Type, path: [any CodingKey]) throws -> Double {
        switch value {
        case .integer(let integer): return Double(integer)
        case .number(let number): return number
        default: throw Self.mismatch(type, expected: "\(type)", found: value, path: path)
        }
    }

    private func integer<I: FixedWidthInteger>(_ value: JSONValue, as type: I.Type, path: [any CodingKey]) throws -> I {
        let converted: I?
        switch value {
        case .integer(let integer): converted = I(exactly: integer)
        case .number(let number): converted = I(exactly: number)
        default: throw Self.mismatch(type, expected: "\(type)", found: value, path: path)
        }
        guard let converted else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: path,
                    debugDescription: Self.describe(path) + "number \(value) does not fit in \(type)"
                )
            )
        }
        return converted
    }

    // MARK: Errors

    /// A type mismatch whose description names the member: `"fields.env": expected String, found number`.
    static func mismatch(_ type: Any.Type, expected: String, found value: JSONValue, path: [any CodingKey])
        -> DecodingError
    {
        DecodingError.typeMismatch(
            type,
            DecodingError.Context(
                codingPath: path,
                debugDescription: describe(path) + "expected \(expected), found \(kind(of: value))"
            )
        )
    }

    /// `"a.b[2]": ` for a path, nothing for the top level.
    static func describe(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "" }
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return "\"\(text)\": "
    }

    /// The JSON kind of `value`, for messages.
    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer, .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
