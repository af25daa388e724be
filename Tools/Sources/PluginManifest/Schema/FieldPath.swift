/// A field's position in a manifest, printed the way `kubectl explain` names fields.
struct FieldPath: Sendable, Equatable, CustomStringConvertible {
    private var components: [String] = []

    /// The document root.
    static let root = FieldPath()

    /// The path of the field `name` inside this object.
    func appending(_ name: String) -> FieldPath {
        var copy = self
        copy.components.append(components.isEmpty ? name : ".\(name)")
        return copy
    }

    /// The path of the item at `index` inside this list.
    func appending(index: Int) -> FieldPath {
        var copy = self
        copy.components.append("[\(index)]")
        return copy
    }

    /// The path of the entry `key` inside this map, bracketed when the key holds dots or slashes.
    func appending(key: String) -> FieldPath {
        let plain = key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return plain ? appending(key) : FieldPath(components: components + ["[\"\(key)\"]"])
    }

    var description: String { components.joined() }
}
