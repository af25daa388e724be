/// Why the Slack plugin refuses to start. The message names the variable and the fix, never the URL itself
/// (a webhook URL is a credential).
public enum SlackConfigurationError: Error, Equatable, CustomStringConvertible {
    /// Neither `URL` (`--url`) nor `URL_FILE` (`--url-file`) is set.
    case missingURL
    /// The URL is set but unusable; the payload says why, without echoing the secret.
    case invalidURL(reason: String)
    /// `--url-file` names a file that cannot be read; the payload names the file and the reason.
    case unreadableURLFile(String)
    /// The timeout is not a positive number of seconds.
    case invalidTimeout(Double)

    public var description: String {
        switch self {
        case .missingURL:
            return "environment variable URL is not set (nor URL_FILE, --url or --url-file): mount the Slack "
                + "webhook URL from a Kubernetes Secret (see plugin.yaml: env URL valueFrom secretKeyRef "
                + "slack-executor-plugin/URL)"
        case .invalidURL(let reason):
            return "the Slack webhook URL (URL, --url or --url-file) is not usable: \(reason)"
        case .unreadableURLFile(let reason):
            return reason
        case .invalidTimeout(let seconds):
            return "the Slack timeout \(seconds) is not a positive number of seconds (SLACK_TIMEOUT_SECONDS)"
        }
    }
}
