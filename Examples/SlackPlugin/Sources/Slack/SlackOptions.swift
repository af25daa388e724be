import ArgumentParser
import PluginSDK

/// The Slack plugin's options, listed in `--help` under "Plugin options", each with an environment variable.
///
/// | flag | environment | meaning |
/// |---|---|---|
/// | `--url URL` | `URL` | the incoming-webhook URL (a credential: from a Kubernetes Secret, never the manifest) |
/// | `--url-file PATH` | `URL_FILE` | a file holding the URL instead, such as a Secret mounted as a volume |
/// | `--slack-timeout-seconds S` | `SLACK_TIMEOUT_SECONDS` | how long one post may take (default 10) |
public struct SlackOptions: PluginOptions {
    /// The webhook URL.
    @Option(help: "The Slack incoming-webhook URL; a credential, so prefer the environment or --url-file.")
    public var url: Secret?

    /// A file holding the webhook URL.
    @Option(help: ArgumentHelp("A file holding the webhook URL, such as a mounted Kubernetes Secret.", valueName: "path"))
    public var urlFile: String?

    /// How long one post may take, in seconds.
    @Option(help: ArgumentHelp("Seconds one post to Slack may take.", valueName: "seconds"))
    public var slackTimeoutSeconds: Double = 10

    /// The variables each flag falls back on.
    public static let environment: [EnvironmentFallback] = [
        .option("--url", variable: "URL"),
        .option("--url-file", variable: "URL_FILE"),
        .option("--slack-timeout-seconds", variable: "SLACK_TIMEOUT_SECONDS"),
    ]

    /// Required by swift-argument-parser; the runtime (or `SlackOptions.parse(_:environment:)`) makes the values.
    public init() {}

    /// Refuses a timeout that is not a positive number, and a URL given twice.
    public func validate() throws {
        guard slackTimeoutSeconds > 0, slackTimeoutSeconds.isFinite else {
            throw ValidationError("--slack-timeout-seconds must be a positive number of seconds")
        }
        guard url == nil || urlFile == nil else {
            throw ValidationError("give the webhook URL once: --url (URL) or --url-file (URL_FILE), not both")
        }
    }

    /// The URL from `--url` or from the file `--url-file` names.
    ///
    /// - Throws: ``SlackConfigurationError`` when neither is given or the file cannot be read.
    func webhookURL() throws(SlackConfigurationError) -> Secret {
        if let url { return url }
        guard let urlFile else { throw .missingURL }
        do {
            return try Secret(contentsOfFile: urlFile)
        } catch {
            throw .unreadableURLFile(error.description)
        }
    }
}
