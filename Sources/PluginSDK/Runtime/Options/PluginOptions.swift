import ArgumentParser

/// A plugin's own command-line options, parsed together with the SDK's, listed in `--help` under
/// "Plugin options", each with an environment variable to fall back on.
///
/// Declare the options with swift-argument-parser (`@Option`, `@Flag`) and name, in ``environment``, the variable
/// that stands in for each flag. A value is taken from the flag, else from its variable, else from the property's
/// default: the same rule as the SDK's own options (`--port` and `ARGO_PLUGIN_PORT`, ...). The runtime hands the
/// parsed options to the closure that makes the plugin.
///
/// ```swift
/// import ArgumentParser
/// import PluginSDK
///
/// struct SlackOptions: PluginOptions {
///     @Option(help: "The Slack incoming-webhook URL.")
///     var url: Secret?
///
///     @Option(help: "A file holding the webhook URL, such as a mounted Secret.")
///     var urlFile: String?
///
///     @Option(help: "Seconds a post to Slack may take.")
///     var slackTimeoutSeconds: Double = 10
///
///     static let environment: [EnvironmentFallback] = [
///         .option("--url", variable: "URL"),
///         .option("--url-file", variable: "URL_FILE"),
///         .option("--slack-timeout-seconds", variable: "SLACK_TIMEOUT_SECONDS"),
///     ]
/// }
///
/// await PluginRuntime.run(options: SlackOptions.self) { options in try Slack(options: options) }
/// ```
///
/// A variable's value that does not parse stops the plugin with a usage error that names the variable and never
/// repeats the value (it may be a secret). Flags the SDK already uses (`--port`, `--log-level`, ...) cannot be
/// declared again, and every flag named in ``environment`` must exist: both are checked at start-up.
public protocol PluginOptions: ParsableArguments {
    /// The environment variable that stands in for each flag when the flag is not given. Empty by default.
    static var environment: [EnvironmentFallback] { get }
}

extension PluginOptions {
    /// No environment variables.
    public static var environment: [EnvironmentFallback] { [] }

    /// Parses `arguments`, falling back on `environment` for flags that are not given, as the runtime does: for
    /// tests of a plugin's options.
    ///
    /// ```swift
    /// let options = try SlackOptions.parse([], environment: ["URL": "https://hooks.slack.com/services/T/B/x"])
    /// ```
    ///
    /// - Throws: ``StartupError``: a usage error naming the flag or variable, or a configuration error when the
    ///   type's ``environment`` names a flag it does not declare or reuses one of the SDK's.
    public static func parse(_ arguments: [String] = [], environment: [String: String]) throws(StartupError) -> Self {
        try CommandLineParser.parseOptions(Self.self, arguments: arguments, environment: environment)
    }
}

/// The options of a plugin that declares none.
struct NoPluginOptions: PluginOptions {}
