import ArgumentParser
import Logging
import Testing
@testable import PluginSDK

/// A plugin's own options, for parsing tests.
struct SampleOptions: PluginOptions {
    @Option(help: "Webhook URL.") var url: Secret?
    @Option(help: "File holding the webhook URL.") var urlFile: String?
    @Option(help: "Seconds a post may take.") var timeoutSeconds: Double = 10
    @Flag(help: "Say more.") var verbose = false

    static let environment: [EnvironmentFallback] = [
        .option("--url", variable: "URL"), .option("url-file", variable: "URL_FILE"),
        .option("--timeout-seconds", variable: "SAMPLE_TIMEOUT_SECONDS"), .flag("--verbose", variable: "SAMPLE_VERBOSE"),
    ]
}

/// Options that name a variable for a flag they do not declare.
struct MisnamedOptions: PluginOptions {
    @Option var url: String?
    static let environment: [EnvironmentFallback] = [.option("--urll", variable: "URL")]
}

/// Options that declare a flag the SDK already uses.
struct ClashingOptions: PluginOptions {
    @Option var port: Int?
}

/// Parses like the runtime does, for a binary named `HelloPlugin`.
func parse<Options: PluginOptions>(
    _ arguments: [String], _ environment: [String: String] = [:], options: Options.Type = NoPluginOptions.self,
    defaults: PluginConfiguration = PluginConfiguration(), name: String = "HelloPlugin"
) throws(StartupError) -> ParsedCommandLine<Options> {
    try CommandLineParser.parse(
        Options.self, arguments: arguments, environment: environment, defaults: defaults, commandName: name)
}

/// The error `parse` throws, or a recorded issue.
func parseFailure<Options: PluginOptions>(
    _ arguments: [String], _ environment: [String: String] = [:], options: Options.Type = NoPluginOptions.self,
    defaults: PluginConfiguration = PluginConfiguration(), sourceLocation: SourceLocation = #_sourceLocation
) -> StartupError? {
    do {
        _ = try parse(arguments, environment, options: options, defaults: defaults)
        Issue.record("expected an error", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

@Suite("Flags and environment")
struct CommandLineTests {
    @Test("defaults match Argo's sidecar contract")
    func defaults() throws {
        let config = try parse([]).server.configuration
        #expect(config.host == "127.0.0.1")
        #expect(config.port == 4355)
        #expect(config.tokenFile == "/var/run/argo/token")
        #expect(config.development == false)
        #expect(config.maxBodyBytes == 16 * 1024 * 1024)
        #expect(config.callTimeout < .seconds(30))
        #expect(config.threads == nil)
        #expect(config.logFormat == .text)
    }

    @Test("environment variables override defaults")
    func environment() throws {
        let config = try parse(
            [],
            [
                "ARGO_PLUGIN_PORT": "7000", "ARGO_PLUGIN_HOST": "0.0.0.0", "ARGO_TOKEN_FILE": "/t",
                "ARGO_PLUGIN_DEV": "1", "ARGO_PLUGIN_THREADS": "3", "ARGO_PLUGIN_MAX_BODY_BYTES": "1000",
                "ARGO_PLUGIN_CONNECTION_TIMEOUT": "5", "ARGO_PLUGIN_CALL_TIMEOUT": "1.5",
                "ARGO_PLUGIN_SHUTDOWN_GRACE": "2", "LOG_LEVEL": "DEBUG", "ARGO_PLUGIN_LOG_FORMAT": "json",
                "ARGO_PLUGIN_CONTROLLER_HOOKS_WITHOUT_TOKEN": "true",
            ]
        ).server.configuration
        #expect(config.port == 7000)
        #expect(config.host == "0.0.0.0")
        #expect(config.tokenFile == "/t")
        #expect(config.development)
        #expect(config.threads == 3)
        #expect(config.maxBodyBytes == 1000)
        #expect(config.connectionTimeoutSeconds == 5)
        #expect(config.callTimeout == .milliseconds(1500))
        #expect(config.shutdownGracePeriod == .seconds(2))
        #expect(config.logLevel == .debug)
        #expect(config.logFormat == .json)
        #expect(config.controllerHooksWithoutToken)
    }

    @Test("flags win over environment variables, which win over the configuration main.swift passed")
    func precedence() throws {
        var defaults = PluginConfiguration()
        defaults.port = 4356
        defaults.logLevel = .warning
        let config = try parse(
            ["--port", "9000", "--host", "::1", "--token-file", "/flag", "--dev", "--log-level", "error"],
            ["ARGO_PLUGIN_PORT": "7000", "ARGO_PLUGIN_HOST": "0.0.0.0", "ARGO_TOKEN_FILE": "/env", "LOG_LEVEL": "debug"],
            defaults: defaults
        ).server.configuration
        #expect(config.port == 9000)
        #expect(config.host == "::1")
        #expect(config.tokenFile == "/flag")
        #expect(config.development)
        #expect(config.logLevel == .error)
        #expect(try parse([], ["LOG_LEVEL": "debug"], defaults: defaults).server.configuration.logLevel == .debug)
        #expect(try parse([], defaults: defaults).server.configuration.port == 4356)
        #expect(try parse([], ["ARGO_PLUGIN_DEV": "0"]).server.configuration.development == false)
    }

    @Test(
        "--flag=value works for every option",
        arguments: [
            ("--port=9001", "9001"), ("--host=::1", "::1"), ("--token-file=/a=b", "/a=b"), ("--threads=5", "5"),
            ("--max-body-bytes=99", "99"), ("--connection-timeout=7", "7"), ("--call-timeout=2.5", "2.5 seconds"),
            ("--shutdown-grace=3", "3.0 seconds"), ("--log-level=trace", "trace"), ("--log-format=json", "json"),
        ])
    func equalsForm(argument: String, expected: String) throws {
        let config = try parse([argument]).server.configuration
        let value: String
        switch argument.prefix { $0 != "=" } {
        case "--port": value = "\(config.port)"
        case "--host": value = config.host
        case "--token-file": value = config.tokenFile
        case "--threads": value = config.threads.map(String.init) ?? "nil"
        case "--max-body-bytes": value = "\(config.maxBodyBytes)"
        case "--connection-timeout": value = "\(config.connectionTimeoutSeconds)"
        case "--call-timeout": value = "\(config.callTimeout)"
        case "--shutdown-grace": value = "\(config.shutdownGracePeriod)"
        case "--log-level": value = config.logLevel.rawValue
        default: value = config.logFormat.rawValue
        }
        #expect(value == expected)
    }

    @Test("a token file named with --token-file=PATH, --token-file PATH or ARGO_TOKEN_FILE counts as given")
    func tokenFileGiven() throws {
        #expect(try parse(["--dev", "--token-file=/tmp/t"]).server.tokenFileGiven)
        #expect(try parse(["--dev", "--token-file", "/tmp/t"]).server.tokenFileGiven)
        #expect(try parse(["--dev"], ["ARGO_TOKEN_FILE": "/tmp/t"]).server.tokenFileGiven)
        #expect(try parse(["--dev"]).server.tokenFileGiven == false)
    }

    @Test("the start-up log learns where an explicit thread count came from")
    func threadsSource() throws {
        #expect(try parse(["--threads=2"], ["ARGO_PLUGIN_THREADS": "4"]).server.threadsSource == "--threads")
        #expect(try parse([], ["ARGO_PLUGIN_THREADS": "4"]).server.threadsSource == "ARGO_PLUGIN_THREADS")
        var defaults = PluginConfiguration()
        defaults.threads = 3
        let parsed = try parse([], defaults: defaults)
        #expect(parsed.server.configuration.threads == 3)
        #expect(parsed.server.threadsSource == "set in code")
    }

    @Test(
        "bad values are usage errors (exit 64) naming the flag or variable",
        arguments: [
            (["--port", "70000"], [:], "--port 70000 is not in 0...65535"),
            ([], ["ARGO_PLUGIN_PORT": "70000"], "ARGO_PLUGIN_PORT=70000 is not in 0...65535"),
            ([], ["ARGO_PLUGIN_PORT": "http"], "ARGO_PLUGIN_PORT"),
            ([], ["ARGO_PLUGIN_DEV": "maybe"], "ARGO_PLUGIN_DEV"),
            (["--log-level", "loud"], [:], "loud"),
            (["--log-format", "xml"], [:], "--log-format"),
            (["--max-body-bytes", "0"], [:], "--max-body-bytes"),
            (["--call-timeout", "-1"], [:], "--call-timeout"),
            (["--threads", "0"], [:], "--threads"),
            (["--bogus"], [:], "Unknown option '--bogus'"),
        ] as [([String], [String: String], String)])
    func badValues(arguments: [String], environment: [String: String], mention: String) throws {
        let error = try #require(parseFailure(arguments, environment))
        #expect(error.kind == .usage)
        #expect(error.exitCode == 64)
        #expect(error.message.contains(mention), "\(error.message)")
        #expect(error.message.contains("Usage: HelloPlugin"), "\(error.message)")
    }

    @Test("an environment value that fails to parse names the variable and never repeats the value")
    func environmentValueNotEchoed() throws {
        let secret = "s3cr3t-not-a-number"
        for (variable, options) in [("ARGO_PLUGIN_PORT", false), ("SAMPLE_TIMEOUT_SECONDS", true)] {
            let error = try #require(
                options
                    ? parseFailure([], [variable: secret], options: SampleOptions.self)
                    : parseFailure([], [variable: secret]))
            #expect(error.kind == .usage)
            #expect(error.message.contains(variable), "\(error.message)")
            #expect(!error.message.contains(secret), "\(error.message)")
        }
    }

    @Test("--help names the binary, shows the defaults main.swift configured, both groups and the variables")
    func help() throws {
        var defaults = PluginConfiguration()
        defaults.port = 4356
        let error = try #require(parseFailure(["--help"], options: SampleOptions.self, defaults: defaults))
        #expect(error.kind == .helpRequested)
        #expect(error.exitCode == 0)
        let help = error.message
        #expect(help.contains("USAGE: HelloPlugin"), "\(help)")
        #expect(!help.contains("USAGE: server"))
        #expect(help.contains("(default: 4356)"), "\(help)")
        #expect(!help.contains("4355"), "\(help)")
        #expect(help.contains("PLUGIN OPTIONS:"))
        #expect(help.contains("SERVER OPTIONS:"))
        #expect(help.contains("--timeout-seconds"))
        #expect(help.contains("--log-format"))
        let environment = try #require(help.split(separator: "ENVIRONMENT").last)
        for (variable, flag) in [("URL", "--url"), ("URL_FILE", "--url-file"), ("ARGO_PLUGIN_PORT", "--port"),
            ("LOG_LEVEL", "--log-level"), ("ARGO_PLUGIN_LOG_FORMAT", "--log-format")]
        {
            #expect(environment.contains(try Regex("\\n  \(variable) +\(flag)\\n")), "\(variable) \(flag)")
        }
    }

    @Test("--help works whatever the environment holds", arguments: [["--help"], ["-h"], ["--port=x", "--help"]])
    func helpDespiteBadValues(arguments: [String]) throws {
        let error = try #require(parseFailure(arguments, ["ARGO_PLUGIN_DEV": "maybe", "ARGO_PLUGIN_PORT": "http"]))
        #expect(error.kind == .helpRequested)
        #expect(error.message.contains("SERVER OPTIONS:"))
    }

    @Test("plugin options: flag, then environment variable, then default; parsed beside the SDK's")
    func pluginOptions() throws {
        let fromEnvironment = try parse(
            ["--port", "0"],
            ["URL": " https://hooks.example/x\n", "SAMPLE_TIMEOUT_SECONDS": "2.5", "SAMPLE_VERBOSE": "yes"],
            options: SampleOptions.self)
        #expect(fromEnvironment.options.url?.value == "https://hooks.example/x")
        #expect(fromEnvironment.options.timeoutSeconds == 2.5)
        #expect(fromEnvironment.options.verbose)
        #expect(fromEnvironment.server.configuration.port == 0)

        let fromFlags = try parse(
            ["--url=https://flag.example/y", "--timeout-seconds", "4", "--url-file", "/run/secrets/url"],
            ["URL": "https://env.example/x", "SAMPLE_TIMEOUT_SECONDS": "2.5", "URL_FILE": "/env/file"],
            options: SampleOptions.self)
        #expect(fromFlags.options.url?.value == "https://flag.example/y")
        #expect(fromFlags.options.timeoutSeconds == 4)
        #expect(fromFlags.options.urlFile == "/run/secrets/url")

        let defaults = try parse([], options: SampleOptions.self)
        #expect(defaults.options.url == nil)
        #expect(defaults.options.timeoutSeconds == 10)
        #expect(defaults.options.verbose == false)
    }

    @Test("a plugin's options parse alone with their variables, as authors' tests parse them")
    func optionsAlone() throws {
        let options = try SampleOptions.parse(["--timeout-seconds=3"], environment: ["URL": "https://x.example/h", "SAMPLE_TIMEOUT_SECONDS": "9"])
        #expect(options.url?.value == "https://x.example/h")
        #expect(options.timeoutSeconds == 3)
        do {
            _ = try SampleOptions.parse(environment: ["SAMPLE_TIMEOUT_SECONDS": "s3cr3t-value"])
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .usage)
            #expect(error.message.contains("SAMPLE_TIMEOUT_SECONDS"))
            #expect(!error.message.contains("s3cr3t-value"))
        }
        #expect(throws: StartupError.self) { try MisnamedOptions.parse(environment: [:]) }
    }

    @Test("the environment a plugin sees is the whole environment, not only the SDK's variables")
    func wholeEnvironment() {
        let environment = ProcessEnvironment.all()
        #expect(environment["PATH"] != nil)
        #expect(environment.count > EnvironmentFallbackCount.sdk)
    }

    @Test("a flag after -- is an argument, not a given flag, so its variable still applies in front")
    func terminator() throws {
        let injection = try EnvironmentInjection(
            fallbacks: ServerOptions.environment, arguments: ["--host", "::1", "--", "--port=1"],
            environment: ["ARGO_PLUGIN_PORT": "7000", "ARGO_PLUGIN_HOST": "0.0.0.0", "LOG_LEVEL": ""])
        #expect(injection.arguments == ["--port=7000", "--host", "::1", "--", "--port=1"])
        #expect(injection.entries.map(\.fallback.variable) == ["ARGO_PLUGIN_PORT"])
    }

    @Test("a plugin that maps a variable to a flag it does not declare, or reuses an SDK flag, cannot start")
    func declarations() throws {
        let misnamed = try #require(parseFailure([], options: MisnamedOptions.self))
        #expect(misnamed.kind == .configuration)
        #expect(misnamed.exitCode == 1)
        #expect(misnamed.message.contains("--urll"))
        let clashing = try #require(parseFailure([], options: ClashingOptions.self))
        #expect(clashing.kind == .configuration)
        #expect(clashing.message.contains("--port"))
    }

    @Test("flag names are matched whole: --url is not --url-file")
    func flagNames() {
        #expect(FlagName.isMentioned("--url", in: "  --url <url>  The URL."))
        #expect(!FlagName.isMentioned("--url", in: "  --url-file <url-file>"))
        #expect(FlagName.isMentioned("--url", in: "for '--url <url>'"))
        #expect(!FlagName.isMentioned("--port", in: "--portable"))
    }
}

/// How many variables the SDK itself reads.
enum EnvironmentFallbackCount {
    static let sdk = ServerOptions.environment.count
}
