import Batch
import PluginSDK

// Wiring only: the plugin's logic lives in Batch.swift, where tests call it directly. Flags and environment
// variables (--service-url, --state-dir, ...) are listed by --help.
var configuration = PluginConfiguration()
configuration.port = 4357
await PluginRuntime.run(options: BatchOptions.self, configuration: configuration) { options in
    try Batch(options: options)
}
