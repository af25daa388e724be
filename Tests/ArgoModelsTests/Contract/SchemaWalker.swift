import PluginJSON

/// Checks a JSON value against a swagger schema: every member must be a declared property (unless the object is
/// free-form or a map) and every value's JSON type must agree with the declared type, recursively through
/// `$ref`s, arrays and maps.
struct SchemaWalker {
    /// A disagreement found at a JSON path.
    struct Finding: Hashable, Sendable, CustomStringConvertible {
        enum Kind: Hashable, Sendable {
            /// The member is not a property of the definition.
            case undeclaredMember
            /// The value's JSON type is not the declared one.
            case typeMismatch
            /// A `$ref` names no definition.
            case unresolvedReference
        }

        let kind: Kind
        let path: String
        let detail: String
        /// For an undeclared member: the definition that lacks it, and its key.
        var owner: (definition: String, key: String)? = nil

        static func == (lhs: Finding, rhs: Finding) -> Bool {
            lhs.kind == rhs.kind && lhs.path == rhs.path && lhs.detail == rhs.detail
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(path)
            hasher.combine(detail)
        }

        var description: String { "\(path): \(detail)" }
    }

    let document: SwaggerDocument

    /// The findings for `value` checked against definition `name`; `path` names the value in messages.
    func check(_ value: JSONValue, definition name: String, path: String) -> [Finding] {
        var findings: [Finding] = []
        walk(value, schema: ["$ref": .string("#/definitions/\(name)")], definition: name, path: path, into: &findings)
        return findings
    }

    /// `definition` is the innermost definition being checked, to name it when a member is undeclared.
    private func walk(
        _ value: JSONValue, schema: JSONValue, definition current: String, path: String, into findings: inout [Finding]
    ) {
        if let reference = schema["$ref"]?.stringValue {
            let name = SwaggerDocument.lastComponent(reference)
            guard let definition = document.definitions[name] else {
                findings.append(Finding(kind: .unresolvedReference, path: path, detail: "no definition \(name)"))
                return
            }
            walk(value, schema: definition, definition: name, path: path, into: &findings)
            return
        }
        let declared: [String]
        switch schema["type"] {
        case .string(let type)?: declared = [type]
        case .array(let types)?: declared = types.compactMap(\.stringValue)
        default: return  // No type: anything goes.
        }
        if value.isNull {
            if schema["x-nullable"]?.boolValue != true {
                findings.append(Finding(kind: .typeMismatch, path: path, detail: "null, declared \(declared)"))
            }
            return
        }
        guard let type = declared.first(where: { Self.matches(value, $0) }) else {
            findings.append(
                Finding(kind: .typeMismatch, path: path, detail: "\(Self.kind(of: value)), declared \(declared)")
            )
            return
        }
        switch (type, value) {
        case ("object", .object(let members)):
            if let properties = schema["properties"]?.objectValue {
                for (key, member) in members {
                    if let property = properties[key] {
                        walk(member, schema: property, definition: current, path: "\(path).\(key)", into: &findings)
                    } else {
                        findings.append(
                            Finding(
                                kind: .undeclaredMember, path: "\(path).\(key)",
                                detail: "not a property of \(current) in any swagger", owner: (current, key)
                            )
                        )
                    }
                }
            } else if let additional = schema["additionalProperties"] {
                for (key, member) in members {
                    walk(member, schema: additional, definition: current, path: "\(path)[\"\(key)\"]", into: &findings)
                }
            }  // Neither: a free-form object (Plugin, Object, FieldsV1, SuppliedValueFrom).
        case ("array", .array(let elements)):
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() {
                    walk(element, schema: items, definition: current, path: "\(path)[\(index)]", into: &findings)
                }
            }
        default:
            break
        }
    }

    /// Whether `value` has swagger type `type`.
    static func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool),
            ("integer", .integer), ("number", .integer), ("number", .number):
            return true
        default:
            return false
        }
    }

    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
