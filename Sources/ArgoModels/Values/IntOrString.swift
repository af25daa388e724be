/// A value that is either an integer or a string, as Kubernetes' `intstr.IntOrString`.
///
/// Argo uses it for `activeDeadlineSeconds`, `retryStrategy.limit` and `backoff.factor`, where a workflow may
/// write a number (`300`) or an expression (`"{{inputs.parameters.deadline}}"`). It encodes back as it came.
///
/// ```swift
/// let deadline: IntOrString = 300
/// deadline.intValue  // 300
/// ```
public enum IntOrString: Sendable, Hashable, Codable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// A JSON integer.
    case int(Int64)
    /// A JSON string.
    case string(String)

    /// Creates `.int`.
    public init(integerLiteral value: Int64) {
        self = .int(value)
    }

    /// Creates `.string`.
    public init(stringLiteral value: String) {
        self = .string(value)
    }

    /// The integer: `.int` as is, `.string` when its text is a decimal integer, otherwise `nil`.
    public var intValue: Int64? {
        switch self {
        case .int(let value): return value
        case .string(let text): return Int64(text)
        }
    }

    /// The value as text: `"300"` for `.int(300)`.
    public var description: String {
        switch self {
        case .int(let value): return String(value)
        case .string(let text): return text
        }
    }

    /// Decodes a JSON integer or string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else {
            throw DecodingError.typeMismatch(
                IntOrString.self,
                DecodingError.Context(
                    codingPath: decoder.codingPath, debugDescription: "expected an integer or a string")
            )
        }
    }

    /// Encodes a JSON integer for `.int`, a JSON string for `.string`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .string(let text): try container.encode(text)
        }
    }
}
