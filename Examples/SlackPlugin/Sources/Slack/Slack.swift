import PluginSDK

/// Argo's Slack executor plugin, done properly: posts `plugin.slack.text` to an incoming webhook.
///
/// - `plugin: {slack: {text: "...", channel: "#builds"}}` posts `{"text": ..., "channel": ...}` to the webhook
///   (``SlackOptions``: `--url` or the `URL` environment variable, or a file) and replies `Succeeded` with
///   "Slack message sent".
/// - Other templates get `{}` (the SDK's ``TemplatePlugin`` answers for them without calling this type).
/// - Slack's 429 and 5xx answers, timeouts and connection failures throw ``TransientError``: the SDK answers 503
///   and Argo retries with backoff.
/// - Other refusals (`invalid_token`, `channel_not_found`, `no_service`, ...) fail the node with Slack's reason.
///
/// Slack's webhooks take no idempotency key, so the plugin guards what it can itself: an ``IdempotencyLedger``
/// keyed by workflow UID, template name, inputs and `plugin.slack` answers a call that already succeeded with the
/// same `Succeeded` reply without posting again (Argo re-sends after its 30 s client timeout, requeues and agent
/// restarts), and answers `Running` while an identical call is still posting. What it cannot guard is a post that
/// timed out or got a 5xx after Slack had in fact posted: Argo's retry then posts again. One attempt per call and a
/// post timeout well inside Argo's deadline keep that window small.
public struct Slack: TemplatePlugin {
    public static let key = "slack"

    /// Where messages go.
    let webhook: SlackWebhook
    /// Successful posts of this process, so a re-sent call does not post twice.
    let ledger: IdempotencyLedger

    /// Makes the plugin from its options: the webhook URL (`--url`/`URL` or `--url-file`/`URL_FILE`) and the
    /// post timeout (`--slack-timeout-seconds`/`SLACK_TIMEOUT_SECONDS`, default 10).
    ///
    /// - Throws: ``SlackConfigurationError`` when the URL is missing, unreadable or unusable; the runtime prints
    ///   it and exits 1.
    public init(options: SlackOptions) throws(SlackConfigurationError) {
        let url = try options.webhookURL()
        let seconds = options.slackTimeoutSeconds
        guard seconds > 0, seconds.isFinite else { throw .invalidTimeout(seconds) }
        try self.init(webhookURL: url.value, timeout: .milliseconds(Int64(seconds * 1000)))
    }

    /// Makes the plugin for one webhook URL, e.g. in a `main.swift` that reads the URL itself, or in a test aimed at
    /// a local stand-in for Slack (plain `http://` is accepted for loopback hosts only).
    ///
    /// - Parameters:
    ///   - webhookURL: the incoming-webhook URL, a credential; surrounding whitespace (a Secret's trailing newline)
    ///     is ignored.
    ///   - timeout: the longest one post may take.
    /// - Throws: ``SlackConfigurationError/invalidURL(reason:)`` when the URL is unusable, without echoing it.
    public init(webhookURL: String, timeout: Duration = .seconds(10)) throws(SlackConfigurationError) {
        let trimmed = String(webhookURL.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        self.webhook = try SlackWebhook(url: trimmed, timeout: timeout)
        self.ledger = IdempotencyLedger()
    }

    public func execute(_ parameters: SlackParameters, context: PluginContext) async throws -> ExecuteTemplateReply {
        guard !parameters.text.isEmpty else { return .failed("plugin.slack.text must not be empty") }
        let message = SlackMessage(text: parameters.text, channel: parameters.channel)
        return try await ledger.once(context.idempotencyKey(pluginKey: Self.key)) {
            try await deliver(message, context: context)
        }
    }

    /// One post, its outcome mapped to Argo's reply or to ``TransientError``.
    private func deliver(_ message: SlackMessage, context: PluginContext) async throws -> ExecuteTemplateReply {
        // Leave a second for the reply to reach Argo before the SDK's own deadline.
        let deadline = context.deadline.advanced(by: .seconds(-1))
        switch await webhook.post(message, deadline: deadline, logger: context.logger) {
        case .delivered:
            context.logger.info("Slack message sent", metadata: ["slack.channel": "\(message.channel ?? "default")"])
            return .succeeded(message: "Slack message sent")
        case .rejected(let reason):
            context.logger.warning("Slack refused the message", metadata: ["slack.error": "\(reason)"])
            return .failed("Slack refused the message: \(reason)")
        case .retryable(let reason):
            context.logger.notice("Slack delivery failed, Argo will retry", metadata: ["reason": "\(reason)"])
            throw TransientError(reason)
        }
    }
}
