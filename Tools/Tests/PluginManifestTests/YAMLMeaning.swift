import Foundation
import Yams

/// A YAML document reduced to its meaning (resolved scalars, unordered mappings), so two files that say the same
/// thing in different key orders, quoting or block styles compare equal.
indirect enum YAMLMeaning: Equatable, CustomStringConvertible {
    case scalar(tag: String, value: String)
    case sequence([YAMLMeaning])
    case mapping([String: YAMLMeaning])

    /// Parses `yaml` and reduces it.
    init(yaml: String) throws {
        guard let node = try Yams.compose(yaml: yaml) else { throw CocoaError(.fileReadCorruptFile) }
        self.init(node)
    }

    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            // Plain scalars take the type YAML resolves from their text; quoted ones are strings, as YAML says.
            let plain = scalar.style == .plain || scalar.style == .any
            let tag = plain ? Resolver.default.resolveTag(of: node).rawValue : Tag.Name.str.rawValue
            self = .scalar(tag: tag, value: scalar.string)
        case .sequence(let sequence):
            self = .sequence(sequence.map(YAMLMeaning.init))
        case .mapping(let mapping):
            var fields: [String: YAMLMeaning] = [:]
            for (key, value) in mapping { fields[key.string ?? "?"] = YAMLMeaning(value) }
            self = .mapping(fields)
        case .alias:
            self = .scalar(tag: "alias", value: "")
        }
    }

    /// The value at a dotted path of mapping keys, e.g. `["data", "sidecar.container"]`.
    subscript(path: String...) -> YAMLMeaning? {
        var current: YAMLMeaning? = self
        for key in path {
            guard case .mapping(let fields)? = current else { return nil }
            current = fields[key]
        }
        return current
    }

    /// The scalar's text, if this is a scalar.
    var string: String? {
        if case .scalar(_, let value) = self { return value }
        return nil
    }

    /// The same mapping without `key`.
    func removing(_ key: String) -> YAMLMeaning {
        guard case .mapping(var fields) = self else { return self }
        fields[key] = nil
        return .mapping(fields)
    }

    /// The same mapping with `value` at `key`.
    func setting(_ key: String, to value: YAMLMeaning) -> YAMLMeaning {
        guard case .mapping(var fields) = self else { return self }
        fields[key] = value
        return .mapping(fields)
    }

    var description: String {
        switch self {
        case .scalar(let tag, let value): return "\(value)<\(tag)>"
        case .sequence(let items): return "[\(items.map(\.description).joined(separator: ", "))]"
        case .mapping(let fields):
            return "{\(fields.keys.sorted().map { "\($0): \(fields[$0]!)" }.joined(separator: ", "))}"
        }
    }
}
