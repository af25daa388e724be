import HelloController
import PluginSDK

// Wiring only. Port 4356 so it can run beside HelloPlugin (4355) on one machine; in the controller pod any free
// port works, as long as the ControllerPlugin ConfigMap's address matches.
var configuration = PluginConfiguration()
configuration.port = 4356
await PluginRuntime.run(HelloController(), configuration: configuration)
