import FoundationEssentials

/// The JSON body posted to an incoming webhook: `{"text": ..., "channel": ...}`.
struct SlackMessage: Encodable, Sendable, Equatable {
    /// The message text.
    var text: String
    /// The channel override, left out of the JSON when `nil`.
    var channel: String?

    /// The message as UTF-8 JSON with sorted keys, so that requests are reproducible in tests and logs.
    func jsonBody() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }
}
