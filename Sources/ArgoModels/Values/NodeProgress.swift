/// A node's progress in Argo's `"N/M"` form: N tasks complete out of M.
///
/// The text is kept exactly as Argo sent it, even when it is not well formed, so re-encoding changes nothing;
/// ``completed`` and ``total`` read it.
///
/// ```swift
/// let progress = NodeProgress(completed: 1, total: 4)
/// progress.rawValue  // "1/4"
/// ```
public struct NodeProgress: Sendable, Hashable, Codable, RawRepresentable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The text, normally `"N/M"`.
    public var rawValue: String

    /// Keeps `rawValue` as given.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Keeps `text` as given.
    public init(_ text: String) {
        self.rawValue = text
    }

    /// Creates a value from a string literal such as `"0/1"`.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// `"completed/total"`.
    public init(completed: Int64, total: Int64) {
        self.rawValue = "\(completed)/\(total)"
    }

    /// N, when the text is well formed.
    public var completed: Int64? { parts?.completed }

    /// M, when the text is well formed.
    public var total: Int64? { parts?.total }

    /// Whether the text is `"N/M"` with `0 <= N <= M` and `M > 0`, the rule Argo's `Progress.IsValid` applies.
    public var isValid: Bool {
        guard let parts else { return false }
        return parts.completed >= 0 && parts.completed <= parts.total && parts.total > 0
    }

    /// The text.
    public var description: String { rawValue }

    private var parts: (completed: Int64, total: Int64)? {
        let pieces = rawValue.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count == 2, let completed = Int64(pieces[0]), let total = Int64(pieces[1]) else { return nil }
        return (completed, total)
    }

    /// Decodes any JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the text as it is.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
