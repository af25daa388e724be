import ArgumentParser

/// What the command line is parsed against: the program's name for usage and help, and the defaults `main.swift`
/// configured. swift-argument-parser builds option types with `init()`, so their defaults and the command's name
/// are read from here, bound for the duration of one parse.
enum CommandLineContext {
    struct Values: Sendable {
        /// The binary's name, `argv[0]` without its directory.
        var commandName: String
        /// The configuration `main.swift` passed, whose values are the options' defaults.
        var defaults: PluginConfiguration
    }

    @TaskLocal static var current = Values(commandName: "plugin", defaults: PluginConfiguration())

    /// The last path component of `argv[0]`, or `plugin` when there is none.
    static func commandName(fromArgv0 argv0: String?) -> String {
        guard let argv0, let last = argv0.split(separator: "/").last, !last.isEmpty else { return "plugin" }
        return String(last)
    }
}

/// The whole command line: the plugin's options and the SDK's, in two titled groups of one help screen.
struct RuntimeCommand<Options: PluginOptions>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: CommandLineContext.current.commandName,
            abstract: "An Argo Workflows plugin: an HTTP sidecar that answers Argo's plugin calls.")
    }

    @OptionGroup(title: "Plugin options")
    var plugin: Options

    @OptionGroup(title: "Server options")
    var server: ServerOptions
}
