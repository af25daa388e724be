import ArgumentParser
import PluginSDK

/// The batch plugin's options, listed in `--help` under "Plugin options", each with an environment variable.
///
/// | flag | environment | meaning |
/// |---|---|---|
/// | `--service-url URL` | `BATCH_SERVICE_URL` | the batch service's base URL |
/// | `--service-token-file PATH` | `BATCH_SERVICE_TOKEN_FILE` | a bearer token for it, such as a mounted Secret (optional) |
/// | `--poll-seconds S` | `BATCH_POLL_SECONDS` | how long Argo waits between two polls of a running job (default 10) |
///
/// The SDK's own `--state-dir` (`ARGO_PLUGIN_STATE_DIR`) keeps the jobs across a restart of the sidecar.
public struct BatchOptions: PluginOptions {
    /// The batch service's base URL.
    @Option(
        name: .customLong("service-url"),
        help: ArgumentHelp("The batch service's base URL, e.g. http://batch.jobs.svc:8080.", valueName: "url"))
    public var serviceURL: String?

    /// A file holding a bearer token for the service.
    @Option(help: ArgumentHelp("A file holding a bearer token for the batch service.", valueName: "path"))
    public var serviceTokenFile: String?

    /// Seconds between two polls of a running job.
    @Option(help: ArgumentHelp("Seconds Argo waits between two polls of a running job.", valueName: "seconds"))
    public var pollSeconds: Double = 10

    /// The variables each flag falls back on.
    public static let environment: [EnvironmentFallback] = [
        .option("--service-url", variable: "BATCH_SERVICE_URL"),
        .option("--service-token-file", variable: "BATCH_SERVICE_TOKEN_FILE"),
        .option("--poll-seconds", variable: "BATCH_POLL_SECONDS"),
    ]

    /// Required by swift-argument-parser; the runtime (or `BatchOptions.parse(_:environment:)`) makes the values.
    public init() {}

    /// Refuses a poll interval that is not a positive number.
    public func validate() throws {
        guard pollSeconds > 0, pollSeconds.isFinite else {
            throw ValidationError("--poll-seconds must be a positive number of seconds")
        }
    }
}
