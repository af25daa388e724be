import Logging
import PluginSDK
import ServiceLifecycle

// The plugin in the author's own ServiceGroup, beside another service, written as the README shows it: a process
// test sends SIGTERM and expects both services to stop and the process to exit 0.
do {
    let plugin = try await PluginRuntime(Echo())
    let group = ServiceGroup(
        services: [plugin, Heartbeat(logger: plugin.logger)], gracefulShutdownSignals: [.sigterm, .sigint],
        logger: plugin.logger)
    try await group.run()
} catch {
    StartupError.exit(for: error)
}
