/// The token Argo shares with its plugins, and the check of an `Authorization` header against it.
///
/// The header must be exactly `Bearer <token>`. The comparison takes the same time whatever the header holds, so
/// response timing reveals nothing about the token. `description` never shows the token.
struct BearerToken: Sendable, CustomStringConvertible {
    private let expected: [UInt8]

    /// A token from the token file's content, surrounding whitespace trimmed. `nil` if nothing is left.
    init?(fileContent: String) {
        let token = fileContent.trimmingASCIIWhitespace()
        guard !token.isEmpty else { return nil }
        self.expected = Array("Bearer \(token)".utf8)
    }

    /// Whether `header` is exactly `Bearer <token>`, compared in constant time.
    func accepts(_ header: String?) -> Bool {
        guard let header else { return false }
        // The same comparison over the header's contiguous UTF-8 (every native string has it): iterating
        // `String.UTF8View` byte by byte cost 2,800 instructions for a 40-byte header.
        if let verdict = header.utf8.withContiguousStorageIfAvailable({ Self.same($0, expected) }) { return verdict }
        var difference = UInt8(truncatingIfNeeded: header.utf8.count ^ expected.count)
        var index = 0
        for byte in header.utf8 {
            // Compare against the expected byte, or against itself when the header is longer (length already
            // recorded a difference), so every header byte is visited the same way.
            let other = index < expected.count ? expected[index] : byte ^ 0xFF
            difference |= byte ^ other
            index += 1
        }
        while index < expected.count {
            difference |= expected[index]
            index += 1
        }
        return difference == 0 && header.utf8.count == expected.count
    }

    /// Whether `header` and `expected` are the same bytes, visiting every byte of both whatever they hold.
    private static func same(_ header: UnsafeBufferPointer<UInt8>, _ expected: [UInt8]) -> Bool {
        // Every byte of both is visited; a header of another length has already differed (only lengths show in
        // the timing, as SECURITY.md says).
        var difference = UInt8(truncatingIfNeeded: header.count ^ expected.count)
        let shared = min(header.count, expected.count)
        for index in 0..<shared { difference |= header[index] ^ expected[index] }
        for index in shared..<expected.count { difference |= expected[index] }
        for index in shared..<header.count { difference |= header[index] }
        return difference == 0 && header.count == expected.count
    }

    /// Redacted.
    var description: String { "BearerToken(redacted)" }
}

extension String {
    /// The string without leading and trailing spaces, tabs, carriage returns and newlines.
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
