import ArgumentParser
import PluginSDK

/// The fixture's own options, for tests of plugin options in a real process (`--help`, environment fallbacks).
struct FixtureOptions: PluginOptions {
    @Option(help: "The message of replies whose parameters name none.")
    var defaultMessage = "fixture done"

    @Option(help: "A secret the fixture never uses, to prove secrets stay out of logs and errors.")
    var apiKey: Secret?

    static let environment: [EnvironmentFallback] = [
        .option("--default-message", variable: "FIXTURE_DEFAULT_MESSAGE"),
        .option("--api-key", variable: "FIXTURE_API_KEY"),
    ]
}
