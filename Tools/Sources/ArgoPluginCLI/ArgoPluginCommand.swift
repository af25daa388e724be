import ArgumentParser

/// `argo-plugin`: tools for packaging Swift executor plugins for Argo Workflows.
@main
struct ArgoPluginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "argo-plugin",
        abstract: "Create, simulate, check and package Argo Workflows plugins.",
        subcommands: [BuildCommand.self, SimulateCommand.self, ConformCommand.self, InitCommand.self, FakeCommand.self]
    )
}
