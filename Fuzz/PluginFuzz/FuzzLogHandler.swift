import Logging

/// Renders every log event at trace level (so message and metadata code runs) and traps if one contains the
/// token: the fuzzer then reports the input that leaked it.
struct FuzzLogHandler: LogHandler {
    let secret: String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let line = "\(event.level) \(event.message) \(metadata.merging(event.metadata ?? [:]) { $1 })"
        if line.contains(secret) { fatalError("the token reached a log line") }
    }
}
