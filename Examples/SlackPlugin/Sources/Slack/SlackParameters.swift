/// What a template asks the Slack plugin to post: `plugin: {slack: {text: ..., channel: ...}}`.
///
/// `text` is required. `channel` overrides the webhook's default channel where Slack honours it (legacy incoming
/// webhooks do; webhooks created for a Slack app always post to their own channel and ignore it).
public struct SlackParameters: Decodable, Sendable, Equatable {
    /// The message, in Slack's `mrkdwn` format. Argo has already substituted `{{...}}` expressions.
    public var text: String
    /// An optional channel such as `#builds`.
    public var channel: String?
}
