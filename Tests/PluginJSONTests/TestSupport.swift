import Foundation
import Testing

@testable import PluginJSON

/// The UTF-8 of `text`.
func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Whether `ours` means the same as `theirs`, a value from `JSONSerialization` (numbers compared by value,
/// Booleans told apart from numbers by their Objective-C type code).
func sameMeaning(_ ours: JSONValue, _ theirs: Any) -> Bool {
    switch ours {
    case .null:
        return theirs is NSNull
    case .bool(let flag):
        guard let number = theirs as? NSNumber, String(cString: number.objCType) == "c" else { return false }
        return number.boolValue == flag
    case .integer(let value):
        guard let number = theirs as? NSNumber, String(cString: number.objCType) != "c" else { return false }
        // Large integers sometimes come back from JSONSerialization as an NSDecimalNumber, whose doubleValue
        // is not correctly rounded.
        if number is NSDecimalNumber { return abs(number.doubleValue - Double(value)) <= abs(Double(value)) * 1e-12 }
        return String(cString: number.objCType) != "d" && number.int64Value == value
    case .number(let value):
        guard let number = theirs as? NSNumber, String(cString: number.objCType) != "c" else { return false }
        // NSDecimalNumber's doubleValue is not correctly rounded (far off for large exponents).
        if number is NSDecimalNumber { return abs(number.doubleValue - value) <= abs(value) * 1e-12 }
        return number.doubleValue == value
    case .string(let text):
        return (theirs as? String) == text
    case .array(let elements):
        guard let others = theirs as? [Any], others.count == elements.count else { return false }
        return zip(elements, others).allSatisfy { sameMeaning($0, $1) }
    case .object(let members):
        guard let others = theirs as? [String: Any], others.count == members.count else { return false }
        return members.allSatisfy { key, value in others[key].map { sameMeaning(value, $0) } ?? false }
    }
}

extension JSONValue {
    /// The value with integral `.number`s that fit in 64 bits turned into `.integer` (how they read back after
    /// being written without a fraction).
    var normalized: JSONValue {
        switch self {
        case .number(let value) where value.rounded(.towardZero) == value && abs(value) < 9.2e18:
            return .integer(Int64(value))
        case .array(let elements): return .array(elements.map(\.normalized))
        case .object(let members): return .object(members.mapValues(\.normalized))
        default: return self
        }
    }
}

/// The `debugDescription` of a `DecodingError`, or a note that `body` did not throw one.
func decodingFailure(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "<no error>"
    } catch let error as DecodingError {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
            .valueNotFound(_, let context):
            return context.debugDescription
        @unknown default:
            return "\(error)"
        }
    } catch {
        return "<not a DecodingError: \(error)>"
    }
}

/// The coding path of a `DecodingError`, as dotted text.
func failurePath(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as DecodingError {
        let context: DecodingError.Context
        switch error {
        case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c):
            context = c
        @unknown default:
            return nil
        }
        return context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    } catch {
        return nil
    }
}

/// A small deterministic generator (SplitMix64) so property tests replay the same cases.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// The bench kit's request bodies, copied next to the benchmark.
enum BenchBodies {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Benchmarks/CodecBenchmark/bodies")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent("\(name).json")))
    }
}
