/// Keeps secrets out of what the client says: error messages, node messages and logs.
///
/// A reply body is cut to one line of at most 200 characters, and every credential the client sends (token,
/// password, the secret part of its base URL) is replaced by `[redacted]` wherever a service echoed it.
struct Redaction: Sendable {
    /// Strings that must never be shown; only those of 4 characters or more are looked for.
    var secrets: [String]

    /// The first line of `body`, shortened and redacted; `(empty body)` when there is nothing to show.
    func excerpt(_ body: [UInt8], limit: Int = 200) -> String {
        let text = redact(String(decoding: body.prefix(16 * 1024), as: UTF8.self))
        let line = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init) ?? ""
        let trimmed = line.trimmingWhitespace
        if trimmed.isEmpty { return "(empty body)" }
        return trimmed.count > limit ? String(trimmed.prefix(limit)) + "…" : trimmed
    }

    /// `text` with every secret replaced.
    func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where secret.count >= 4 {
            result = result.replacing(secret, with: "[redacted]")
        }
        return result
    }
}
