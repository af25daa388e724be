import Logging

/// A swift-log handler that writes one JSON object per line to standard error, as cluster log pipelines expect.
///
/// Each line carries `time` (RFC 3339 in UTC, with microseconds), `level`, `label`, `source` (the module that
/// logged), `message`, `error` when the event has one, and every metadata entry as a top-level field: those of the
/// handler, those of its metadata provider, then those of the call, the later winning. Lines logged while the SDK
/// serves a call carry `argo.workflow`, `argo.namespace`, `argo.template` and `rpc.method`. A metadata key that
/// would overwrite one of the fixed fields is written as `metadata.<key>` instead. Keys are in a fixed order
/// (the fixed fields, then metadata sorted by key), and each line is written with a single `write(2)`, so lines
/// from concurrent calls never interleave.
///
/// ```json
/// {"time":"2025-06-01T12:00:00.250000Z","level":"info","label":"argo-plugin","source":"Slack","message":"Slack message sent","argo.namespace":"argo","argo.template":"notify","argo.workflow":"build-42","rpc.method":"template.execute","slack.channel":"#builds"}
/// ```
///
/// The runtime uses it for `--log-format json`. To log your own lines the same way, bootstrap swift-log with it
/// before running the plugin:
///
/// ```swift
/// LoggingSystem.bootstrap(JSONLogHandler.standardError)
/// ```
public struct JSONLogHandler: LogHandler {
    /// The lowest level written; lower ones are dropped by `Logger` before they reach the handler.
    public var logLevel: Logger.Level = .info
    /// Metadata added to every line of this handler.
    public var metadata: Logger.Metadata = [:]
    /// Metadata computed for each line (the SDK's per-call fields come from one).
    public var metadataProvider: Logger.MetadataProvider?

    private let label: String
    private let output: LogLineOutput

    /// A handler writing to standard error, with swift-log's global metadata provider (if one was bootstrapped).
    public static func standardError(label: String) -> JSONLogHandler {
        JSONLogHandler(label: label, metadataProvider: LoggingSystem.metadataProvider, output: .standardError)
    }

    /// A handler writing to standard error with `metadataProvider`.
    public static func standardError(label: String, metadataProvider: Logger.MetadataProvider?) -> JSONLogHandler {
        JSONLogHandler(label: label, metadataProvider: metadataProvider, output: .standardError)
    }

    /// A handler writing each line (ending in a newline) to `output`; tests capture lines this way.
    init(label: String, metadataProvider: Logger.MetadataProvider?, output: LogLineOutput) {
        self.label = label
        self.metadataProvider = metadataProvider
        self.output = output
    }

    /// One metadata entry of this handler.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes `event` as one line.
    public func log(event: LogEvent) {
        var fields = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            fields.merge(provided) { _, provided in provided }
        }
        if let explicit = event.metadata, !explicit.isEmpty {
            fields.merge(explicit) { _, explicit in explicit }
        }
        var line = JSONLogLine()
        line.field("time", JSONLogLine.timestamp())
        line.field("level", event.level.rawValue)
        line.field("label", label)
        line.field("source", event.source)
        line.field("message", event.message.description)
        var reserved: Set<String> = ["time", "level", "label", "source", "message"]
        if let error = event.error {
            line.field("error", String(describing: error))
            reserved.insert("error")
        }
        for key in fields.keys.sorted() {
            line.field(reserved.contains(key) ? "metadata.\(key)" : key, fields[key]!)
        }
        output.write(line.finished())
    }
}
