import ArgumentParser

/// `argo-plugin`: tools for packaging Swift executor plugins for Argo Workflows.
@main
struct ArgoPluginCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "argo-plugin",
        abstract: "Package Argo Workflows executor plugins.",
        subcommands: [BuildCommand.self]
    )
}
