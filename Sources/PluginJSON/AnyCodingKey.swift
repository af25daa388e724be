/// A coding key made from any string or index.
///
/// Used to read and write the members of objects whose keys are not known in advance: the unknown fields the
/// models preserve, and `JSONValue` objects.
package struct AnyCodingKey: CodingKey, Hashable, Sendable {
    /// One of the two kinds of key. Stored as an enum so the key fits the inline buffer of an existential
    /// (`any CodingKey`): `allKeys` converts arrays of keys to and from `[any CodingKey]`, and a key that does not
    /// fit would cost a heap allocation per key.
    private enum Storage: Hashable, Sendable {
        case string(String)
        case index(Int)
    }

    private let storage: Storage

    /// The key's text.
    package var stringValue: String {
        switch storage {
        case .string(let text): return text
        case .index(let index): return String(index)
        }
    }

    /// The index, for array positions.
    package var intValue: Int? {
        if case .index(let index) = storage { return index }
        return nil
    }

    /// A key with the given text.
    package init(_ string: String) {
        storage = .string(string)
    }

    /// A key with the given text.
    package init?(stringValue: String) {
        self.init(stringValue)
    }

    /// A key for an array position.
    package init?(intValue: Int) {
        storage = .index(intValue)
    }
}
