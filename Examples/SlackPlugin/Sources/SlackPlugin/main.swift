import PluginSDK
import Slack

// Wiring only: the logic lives in Slack.swift, where tests call it directly. The plugin's own options
// (SlackOptions: --url or URL, --url-file or URL_FILE, --slack-timeout-seconds or SLACK_TIMEOUT_SECONDS) are parsed
// with the SDK's and listed in --help; a missing or invalid URL makes the runtime print the reason and exit 1
// before it listens.
var configuration = PluginConfiguration()
configuration.port = 7522
await PluginRuntime.run(options: SlackOptions.self, configuration: configuration) { options in
    try Slack(options: options)
}
