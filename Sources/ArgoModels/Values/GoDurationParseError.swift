/// Why a string is not a Go duration.
///
/// Thrown by ``GoDuration/init(parsing:)``; when decoding, it becomes a `DecodingError.dataCorrupted` whose
/// description is this error's ``description``.
public struct GoDurationParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text that failed to parse.
    public var input: String
    /// What is wrong with it.
    public var reason: String

    /// An error for `input` with the given `reason`.
    public init(input: String, reason: String) {
        self.input = input
        self.reason = reason
    }

    /// `invalid duration "5x": unknown unit "x"`.
    public var description: String {
        "invalid duration \"\(input)\": \(reason)"
    }
}
