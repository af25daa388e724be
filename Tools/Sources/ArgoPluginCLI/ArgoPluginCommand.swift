import ArgumentParser

/// `argo-plugin`: tools for packaging Swift executor plugins for Argo Workflows.
@main
struct ArgoPluginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "argo-plugin",
        abstract: "Create, simulate and package Argo Workflows executor plugins.",
        subcommands: [BuildCommand.self, SimulateCommand.self, InitCommand.self, FakeCommand.self]
    )
}
