/// A Go `time.Duration`, as Argo sends and expects it on the wire: a string such as `"30s"` or `"1h2m3.5s"`.
///
/// It holds a signed count of nanoseconds, exactly like Go. Decoding accepts every form Go's
/// `time.ParseDuration` accepts (`"300ms"`, `"1.5h"`, `"2us"`, `"2µs"`, `"-1s"`, `"0"`); encoding writes what Go's
/// `Duration.String()` writes (`"30s"`, `"1m30s"`, `"1h0m0s"`, `"1.5s"`, `"300ms"`, `"0s"`), so Argo reads it back
/// unchanged. Named apart from Swift's `Duration`, which keeps its meaning in code that imports this module;
/// convert with ``swiftDuration`` and ``init(_:)``.
///
/// ```swift
/// let requeue: GoDuration = .seconds(30)
/// requeue.description          // "30s"
/// try GoDuration(parsing: "1m30s").seconds  // 90.0
/// ```
public struct GoDuration: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The length in nanoseconds; negative for negative durations.
    public var nanoseconds: Int64

    /// A duration of `nanoseconds` nanoseconds.
    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// A duration of `seconds` seconds, rounded to the nearest nanosecond and clamped to Go's range.
    public init(seconds: Double) {
        let nanos = (seconds * 1e9).rounded()
        if nanos >= 9.223372036854775807e18 {
            self.nanoseconds = .max
        } else if nanos <= -9.223372036854775808e18 {
            self.nanoseconds = .min
        } else {
            self.nanoseconds = Int64(nanos)
        }
    }

    /// The same length as a Swift duration, truncated to whole nanoseconds and clamped to Go's range.
    public init(_ duration: Swift.Duration) {
        let (seconds, attoseconds) = duration.components
        let (wholeNanos, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, overflow2) = wholeNanos.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflow || overflow2 {
            self.nanoseconds = seconds < 0 ? .min : .max
        } else {
            self.nanoseconds = total
        }
    }

    /// Parses Go's duration syntax; see ``GoDuration``. Throws ``GoDurationParseError`` for anything Go rejects.
    public init(parsing text: String) throws(GoDurationParseError) {
        self.nanoseconds = try GoDurationFormat.parse(text)
    }

    /// The length in seconds.
    public var seconds: Double {
        Double(nanoseconds) / 1e9
    }

    /// The same length as a Swift duration.
    public var swiftDuration: Swift.Duration {
        .nanoseconds(nanoseconds)
    }

    /// Go's `Duration.String()` form, e.g. `"1h0m0s"`, `"1.5s"`, `"300ms"`, `"0s"`.
    public var description: String {
        GoDurationFormat.format(nanoseconds)
    }

    /// Orders by length.
    public static func < (lhs: GoDuration, rhs: GoDuration) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    /// Decodes a Go duration string.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self.nanoseconds = try GoDurationFormat.parse(text)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description)
            )
        }
    }

    /// Encodes Go's `Duration.String()` form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension GoDuration {
    /// No time at all: `"0s"`.
    public static let zero = GoDuration(nanoseconds: 0)

    /// `value` nanoseconds.
    public static func nanoseconds<T: BinaryInteger>(_ value: T) -> GoDuration {
        scaled(value, by: 1)
    }

    /// `value` microseconds.
    public static func microseconds<T: BinaryInteger>(_ value: T) -> GoDuration {
        scaled(value, by: 1_000)
    }

    /// `value` milliseconds.
    public static func milliseconds<T: BinaryInteger>(_ value: T) -> GoDuration {
        scaled(value, by: 1_000_000)
    }

    /// `value` seconds.
    public static func seconds<T: BinaryInteger>(_ value: T) -> GoDuration {
        scaled(value, by: 1_000_000_000)
    }

    /// `value` seconds, rounded to the nearest nanosecond.
    public static func seconds(_ value: Double) -> GoDuration {
        GoDuration(seconds: value)
    }

    /// `value` minutes.
    public static func minutes<T: BinaryInteger>(_ value: T) -> GoDuration {
        scaled(value, by: 60_000_000_000)
    }

    /// `value` hours.
    public static func hours<T: BinaryInteger>(_ value: T) -> GoDuration {
        scaled(value, by: 3_600_000_000_000)
    }

    private static func scaled<T: BinaryInteger>(_ value: T, by unit: Int64) -> GoDuration {
        guard let count = Int64(exactly: value) else {
            return GoDuration(nanoseconds: value < 0 ? .min : .max)
        }
        let (product, overflow) = count.multipliedReportingOverflow(by: unit)
        return GoDuration(nanoseconds: overflow ? (count < 0 ? .min : .max) : product)
    }
}
