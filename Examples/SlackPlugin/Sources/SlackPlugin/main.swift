import FoundationEssentials
import PluginSDK
import Slack

// Wiring only: the logic lives in Slack.swift, where tests call it directly. A missing or invalid URL makes the
// runtime print the reason and exit 1 before it listens.
await PluginRuntime.run(try Slack(environment: ProcessInfo.processInfo.environment), configuration: {
    var configuration = PluginConfiguration()
    configuration.port = 7522
    return configuration
}())
