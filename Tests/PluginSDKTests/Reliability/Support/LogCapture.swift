import Logging
import Synchronization

/// Every line a logger produced (level, message, metadata, attached error), to assert what never reaches a log.
final class LogCapture: Sendable {
    private let lines = Locked<[String]>([])

    /// A logger at `trace` that records everything into this capture.
    func logger(label: String = "capture") -> Logger {
        var logger = Logger(label: label) { _ in CapturingLogHandler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    /// All lines so far, joined by newlines.
    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    var count: Int { lines.withLock { $0.count } }
}

/// A `LogHandler` that renders each event into one line of a `LogCapture`.
struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let error = event.error.map { " error=\($0)" } ?? ""
        capture.append("\(event.level) \(event.message) \(merged)\(error)")
    }
}
