import ArgumentParser

/// A plugin's command line, parsed: its own options and the SDK's configuration.
struct ParsedCommandLine<Options: PluginOptions> {
    var options: Options
    var server: ServerOptions.Resolved
}

/// Parses flags and environment variables for the plugin's options and the SDK's in one pass.
///
/// Environment variables are applied by adding `--flag=value` (or `--flag`) in front of the arguments for each
/// flag that is not given, so swift-argument-parser converts and checks both sources the same way, and a flag
/// always wins over its variable. Errors caused by a variable name the variable and never repeat its value.
enum CommandLineParser {
    static func parse<Options: PluginOptions>(
        _: Options.Type, arguments: [String], environment: [String: String], defaults: PluginConfiguration,
        commandName: String
    ) throws(StartupError) -> ParsedCommandLine<Options> {
        let context = CommandLineContext.Values(commandName: commandName, defaults: defaults)
        let result = CommandLineContext.$current.withValue(context) {
            Result { () throws(StartupError) in
                try parseInContext(Options.self, arguments: arguments, environment: environment, defaults: defaults)
            }
        }
        return try result.get()
    }

    private static func parseInContext<Options: PluginOptions>(
        _: Options.Type, arguments: [String], environment: [String: String], defaults: PluginConfiguration
    ) throws(StartupError) -> ParsedCommandLine<Options> {
        try checkDeclarations(Options.self)
        // Help needs no valid values: a bad variable must not hide the screen that explains it.
        if arguments.prefix(while: { $0 != "--" }).contains(where: { $0 == "--help" || $0 == "-h" }) {
            throw StartupError(kind: .helpRequested, message: helpScreen(RuntimeCommand<Options>.self))
        }
        var injection: EnvironmentInjection?
        do {
            let applied = try EnvironmentInjection(
                fallbacks: Options.environment + ServerOptions.environment, arguments: arguments,
                environment: environment)
            injection = applied
            let command = try RuntimeCommand<Options>.parse(applied.arguments)
            let injected = Dictionary(applied.entries.map { ($0.fallback.name, $0.fallback.variable) }) { first, _ in first }
            let server = try command.server.resolve(over: defaults, injected: injected)
            return ParsedCommandLine(options: command.plugin, server: server)
        } catch {
            throw failure(error, RuntimeCommand<Options>.self, entries: injection?.entries ?? []) {
                helpScreen(RuntimeCommand<Options>.self)
            }
        }
    }

    /// Parses the plugin's options alone, with their environment fallbacks, as the runtime would.
    static func parseOptions<Options: PluginOptions>(
        _: Options.Type, arguments: [String], environment: [String: String]
    ) throws(StartupError) -> Options {
        try checkDeclarations(Options.self)
        var injection: EnvironmentInjection?
        do {
            let applied = try EnvironmentInjection(
                fallbacks: Options.environment, arguments: arguments, environment: environment)
            injection = applied
            return try Options.parse(applied.arguments)
        } catch {
            throw failure(error, Options.self, entries: injection?.entries ?? []) { Options.helpMessage() }
        }
    }

    /// The help screen, with the environment variables each flag falls back on.
    static func helpScreen<Options: PluginOptions>(_: RuntimeCommand<Options>.Type) -> String {
        var text = RuntimeCommand<Options>.helpMessage()
        if !text.hasSuffix("\n") { text += "\n" }
        let fallbacks = Options.environment + ServerOptions.environment
        let width = (fallbacks.map(\.variable.count).max() ?? 0) + 2
        text += "\nENVIRONMENT (used when the flag is not given):\n"
        for fallback in fallbacks {
            text += "  " + fallback.variable + String(repeating: " ", count: width - fallback.variable.count)
                + fallback.name + "\n"
        }
        return text
    }

    /// The error to report for a failed parse: help, or a usage error whose value, if it came from a variable,
    /// is replaced by the variable's name.
    private static func failure<Command: ParsableArguments>(
        _ error: any Error, _ command: Command.Type, entries: [EnvironmentInjection.Entry], help: () -> String
    ) -> StartupError {
        if command.exitCode(for: error) == .success {
            return StartupError(kind: .helpRequested, message: help())
        }
        let message = command.message(for: error)
        var full = command.fullMessage(for: error)
        if let culprit = entries.first(where: { FlagName.isMentioned($0.fallback.name, in: message) }) {
            full = full.replacing(message, with: culprit.redacting(message))
        }
        return .usage(full)
    }

    /// Checks the plugin's declarations: every flag named in its `environment` exists, and none of its flags
    /// reuses one of the SDK's.
    private static func checkDeclarations<Options: PluginOptions>(_: Options.Type) throws(StartupError) {
        // A plugin without options of its own declares nothing to check; rendering its help (what the checks read)
        // took a fifth of start-up.
        guard Options.self != NoPluginOptions.self else { return }
        let help = Options.helpMessage(includeHidden: true, columns: 10_000)
        for fallback in Options.environment where !FlagName.isMentioned(fallback.name, in: help) {
            throw .configuration(
                "\(Options.self).environment maps \(fallback.variable) to \(fallback.name), "
                    + "but \(Options.self) declares no \(fallback.name)")
        }
        guard Options.self != ServerOptions.self else { return }
        for fallback in ServerOptions.environment where FlagName.isMentioned(fallback.name, in: help) {
            throw .configuration(
                "\(Options.self) declares \(fallback.name), which the SDK's server options already use; rename it")
        }
    }
}

/// Finding a long flag in swift-argument-parser's text without matching a longer flag that starts the same.
enum FlagName {
    /// Whether `name` (`--url`) occurs in `text` as a whole flag: not `--url-file`, not `x--url`.
    static func isMentioned(_ name: String, in text: String) -> Bool {
        let characters = Array(text)
        let pattern = Array(name)
        guard !pattern.isEmpty, characters.count >= pattern.count else { return false }
        func isNameCharacter(_ character: Character) -> Bool {
            character.isLetter || character.isNumber || character == "-" || character == "_"
        }
        for start in 0...(characters.count - pattern.count) where characters[start..<start + pattern.count].elementsEqual(pattern) {
            let end = start + pattern.count
            let before = start == 0 || !isNameCharacter(characters[start - 1])
            let after = end == characters.count || !isNameCharacter(characters[end])
            if before && after { return true }
        }
        return false
    }
}
