import Yams

/// A YAML value that passed the schema check: typed scalars and string-keyed mappings.
///
/// Nulls never survive the check (Go's decoder turns them into absent pointers or zero values, and Argo's
/// `omitempty` fields then drop them), so there is no `null` case.
enum YAMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case boolean(Bool)
    case list([YAMLValue])
    case mapping([String: YAMLValue])

    /// The value under `key` when this is a mapping.
    subscript(key: String) -> YAMLValue? {
        guard case .mapping(let fields) = self else { return nil }
        return fields[key]
    }

    /// The string payload, if this is a string.
    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// Builds the Yams node that serializes this value the way Go's `sigs.k8s.io/yaml` does: keys sorted,
    /// strings quoted only where a plain scalar would read back as another type, multi-line strings as `|` blocks.
    var node: Node {
        switch self {
        case .string(let value):
            return .scalar(.init(value, Tag(.str), Self.style(for: value)))
        case .integer(let value):
            return .scalar(.init(String(value), Tag(.int), .plain))
        case .boolean(let value):
            return .scalar(.init(value ? "true" : "false", Tag(.bool), .plain))
        case .list(let items):
            return .sequence(.init(items.map(\.node), Tag(.seq), .block))
        case .mapping(let fields):
            let pairs = fields.keys.sorted(by: Self.goOrder).map { key in
                (Node.scalar(.init(key, Tag(.str), Self.style(for: key))), fields[key]!.node)
            }
            return .mapping(.init(pairs, Tag(.map), .block))
        }
    }

    /// Renders a document (no `---`, trailing newline), as `yaml.Marshal` does.
    func yamlDocument() throws -> String {
        try Yams.serialize(node: node, width: -1, allowUnicode: true)
    }

    /// Go sorts map keys by bytes; comparing UTF-8 bytes matches it for every string.
    private static func goOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// Words YAML 1.1 readers (Go's among them) take as booleans or null even though YAML 1.2 does not.
    private static let yaml11Specials: Set<String> = ["y", "n", "yes", "no", "on", "off", "~", "null"]

    /// The scalar style Go's emitter would pick for a string.
    private static func style(for string: String) -> Node.Scalar.Style {
        if string.contains("\n") { return .literal }
        if string.isEmpty || yaml11Specials.contains(string.lowercased()) { return .doubleQuoted }
        let resolved = Resolver.default.resolveTag(of: Node(string))
        return resolved == .str ? .any : .doubleQuoted
    }
}
