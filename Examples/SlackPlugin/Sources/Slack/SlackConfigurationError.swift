/// Why the Slack plugin refuses to start. The message names the variable and the fix, never the URL itself
/// (a webhook URL is a credential).
public enum SlackConfigurationError: Error, Equatable, CustomStringConvertible {
    /// `URL` is unset or empty.
    case missingURL
    /// `URL` is set but unusable; the payload says why, without echoing the secret.
    case invalidURL(reason: String)
    /// `SLACK_TIMEOUT_SECONDS` is not a positive number.
    case invalidTimeout(String)

    public var description: String {
        switch self {
        case .missingURL:
            return "environment variable URL is not set: mount the Slack webhook URL from a Kubernetes Secret "
                + "(see plugin.yaml: env URL valueFrom secretKeyRef slack-executor-plugin/URL)"
        case .invalidURL(let reason):
            return "environment variable URL is not a usable Slack webhook URL: \(reason)"
        case .invalidTimeout(let value):
            return "environment variable SLACK_TIMEOUT_SECONDS=\(value) is not a positive number of seconds"
        }
    }
}
