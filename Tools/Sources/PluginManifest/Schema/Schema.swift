import Yams

/// The shape a YAML node must have, mirroring the Go types Argo decodes `plugin.yaml` into.
///
/// Argo reads the manifest with `yaml.UnmarshalStrict`, so an unknown field anywhere (including deep inside the
/// Kubernetes `Container`) is an error, and so is a value of the wrong type. This enum carries just enough of the Go
/// types to reproduce that: field names, scalar kinds and nesting.
indirect enum Schema: Sendable {
    /// A Go `string`. Like `sigs.k8s.io/yaml`, any non-null scalar is accepted and kept as its source text.
    case string
    /// A Go integer: a plain YAML integer, not a quoted one.
    case integer
    /// A Go `bool`: `true` or `false`.
    case boolean
    /// A Kubernetes `resource.Quantity`, such as `100m`, `64Mi` or `1`.
    case quantity
    /// A Kubernetes `intstr.IntOrString`, such as a port number or name.
    case intOrString
    /// A Go `map[string]T` whose values have the given schema.
    case map(Schema)
    /// A Go slice whose items have the given schema.
    case list(Schema)
    /// A Go struct with these JSON field names.
    case object([String: Schema])

    /// Checks `node` against this schema and returns its typed value, or `nil` for a YAML null.
    func check(_ node: Node, at path: FieldPath) throws(ManifestError) -> YAMLValue? {
        if case .scalar(let scalar) = node, Self.isPlain(scalar), Resolver.default.resolveTag(of: node) == .null {
            return nil
        }
        switch self {
        case .string:
            let scalar = try Self.scalar(node, at: path, expecting: "a string")
            return .string(scalar.string)
        case .integer:
            let scalar = try Self.scalar(node, at: path, expecting: "an integer")
            guard Self.isPlain(scalar), let value = Int64(scalar.string) else {
                throw Self.error(at: path, node, "expected an integer, got \(Self.quoted(scalar.string))")
            }
            return .integer(value)
        case .boolean:
            let scalar = try Self.scalar(node, at: path, expecting: "true or false")
            guard Self.isPlain(scalar), let value = Bool(scalar.string) else {
                throw Self.error(at: path, node, "expected true or false, got \(Self.quoted(scalar.string))")
            }
            return .boolean(value)
        case .quantity:
            let scalar = try Self.scalar(node, at: path, expecting: "a quantity such as 100m or 64Mi")
            guard Quantity.isValid(scalar.string) else {
                throw Self.error(
                    at: path, node, "expected a quantity such as 100m or 64Mi, got \(Self.quoted(scalar.string))")
            }
            return .string(scalar.string)
        case .intOrString:
            let scalar = try Self.scalar(node, at: path, expecting: "an integer or a string")
            if Self.isPlain(scalar), let value = Int64(scalar.string) { return .integer(value) }
            return .string(scalar.string)
        case .map(let valueSchema):
            let mapping = try Self.mapping(node, at: path)
            var fields: [String: YAMLValue] = [:]
            for (keyNode, valueNode) in mapping {
                let key = try Self.key(keyNode, at: path)
                if let value = try valueSchema.check(valueNode, at: path.appending(key: key)) {
                    fields[key] = value
                }
            }
            return .mapping(fields)
        case .list(let itemSchema):
            guard case .sequence(let sequence) = node else {
                throw Self.error(at: path, node, "expected a list, got \(Self.kind(of: node))")
            }
            var items: [YAMLValue] = []
            for (index, item) in sequence.enumerated() {
                let value = try itemSchema.check(item, at: path.appending(index: index))
                items.append(value ?? .mapping([:]))
            }
            return .list(items)
        case .object(let fieldSchemas):
            let mapping = try Self.mapping(node, at: path)
            var fields: [String: YAMLValue] = [:]
            for (keyNode, valueNode) in mapping {
                let key = try Self.key(keyNode, at: path)
                guard let fieldSchema = fieldSchemas[key] else {
                    throw Self.error(at: path.appending(key), keyNode, "unknown field \(Self.quoted(key))")
                }
                if let value = try fieldSchema.check(valueNode, at: path.appending(key)) {
                    fields[key] = value
                }
            }
            return .mapping(fields)
        }
    }

    private static func scalar(_ node: Node, at path: FieldPath, expecting: String) throws(ManifestError)
        -> Node.Scalar
    {
        guard case .scalar(let scalar) = node else {
            throw error(at: path, node, "expected \(expecting), got \(kind(of: node))")
        }
        return scalar
    }

    private static func mapping(_ node: Node, at path: FieldPath) throws(ManifestError) -> Node.Mapping {
        guard case .mapping(let mapping) = node else {
            throw error(at: path, node, "expected a mapping, got \(kind(of: node))")
        }
        return mapping
    }

    private static func key(_ node: Node, at path: FieldPath) throws(ManifestError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error(at: path, node, "mapping keys must be strings, got \(kind(of: node))")
        }
        return scalar.string
    }

    /// A scalar written without quotes, so that YAML resolves it by its look (`4355` is a number, `"4355"` is not).
    private static func isPlain(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain || scalar.style == .any
    }

    private static func kind(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "the scalar \(quoted(scalar.string))"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private static func quoted(_ text: String) -> String {
        "\"\(text.replacingOccurrences(of: "\"", with: "\\\""))\""
    }

    private static func error(at path: FieldPath, _ node: Node, _ message: String) -> ManifestError {
        ManifestError(field: path.description, message: message, line: node.mark.map { $0.line })
    }
}
