import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One JSON object under construction, written field by field in the order given.
struct JSONLogLine {
    private var text = "{"

    /// Adds `"key":"value"`.
    mutating func field(_ key: String, _ value: String) {
        if text.count > 1 { text += "," }
        Self.appendString(key, to: &text)
        text += ":"
        Self.appendString(value, to: &text)
    }

    /// Adds `"key":` and `value` as JSON: strings, objects for dictionaries, arrays for arrays.
    mutating func field(_ key: String, _ value: Logger.MetadataValue) {
        if text.count > 1 { text += "," }
        Self.appendString(key, to: &text)
        text += ":"
        Self.append(value, to: &text)
    }

    /// The object, closed, with a trailing newline.
    func finished() -> String { text + "}\n" }

    private static func append(_ value: Logger.MetadataValue, to text: inout String) {
        switch value {
        case .string(let string): appendString(string, to: &text)
        case .stringConvertible(let convertible): appendString(convertible.description, to: &text)
        case .array(let values):
            text += "["
            for (index, element) in values.enumerated() {
                if index > 0 { text += "," }
                append(element, to: &text)
            }
            text += "]"
        case .dictionary(let entries):
            text += "{"
            for (index, key) in entries.keys.sorted().enumerated() {
                if index > 0 { text += "," }
                appendString(key, to: &text)
                text += ":"
                append(entries[key]!, to: &text)
            }
            text += "}"
        }
    }

    /// `string` as a JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
    static func appendString(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    /// Now as RFC 3339 in UTC with microseconds: `2025-06-01T12:00:00.250000Z`.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return timestamp(seconds: Int(now.tv_sec), nanoseconds: Int(now.tv_nsec))
    }

    /// `seconds` since the epoch (plus `nanoseconds`) as RFC 3339 in UTC with microseconds.
    static func timestamp(seconds: Int, nanoseconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(Int(parts.tm_year) + 1900, 4) + "-" + padded(Int(parts.tm_mon) + 1, 2) + "-"
            + padded(Int(parts.tm_mday), 2) + "T" + padded(Int(parts.tm_hour), 2) + ":" + padded(Int(parts.tm_min), 2)
            + ":" + padded(Int(parts.tm_sec), 2) + "." + padded(nanoseconds / 1000, 6) + "Z"
    }
}

/// Where finished log lines go: standard error, or a closure in tests.
struct LogLineOutput: Sendable {
    let write: @Sendable (String) -> Void

    /// Standard error, one `write(2)` per line (repeated only if the kernel took part of it) under a lock, so
    /// lines from concurrent calls never interleave.
    static let standardError = LogLineOutput { line in
        standardErrorLock.withLock { _ in
            var bytes = Array(line.utf8)
            while !bytes.isEmpty {
                let written = Glibc.write(STDERR_FILENO, bytes, bytes.count)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                bytes.removeFirst(written)
            }
        }
    }
}

/// Serializes writes of log lines to standard error.
private let standardErrorLock = PlatformLock(())
