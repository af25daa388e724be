/// A coding key made from any string or index.
///
/// Used to read and write the members of objects whose keys are not known in advance: the unknown fields the
/// models preserve, and `JSONValue` objects.
public struct AnyCodingKey: CodingKey, Hashable, Sendable {
    /// The key's text.
    public let stringValue: String
    /// The index, for array positions.
    public let intValue: Int?

    /// A key with the given text.
    public init(_ string: String) {
        self.stringValue = string
        self.intValue = nil
    }

    /// A key with the given text.
    public init?(stringValue: String) {
        self.init(stringValue)
    }

    /// A key for an array position.
    public init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
