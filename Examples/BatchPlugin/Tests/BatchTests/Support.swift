import Batch
import Foundation
import PluginSDK
import PluginSDKTesting

/// A `template.execute` for the batch plugin, as Argo's agent sends it.
func batchCall(command: [String] = ["report", "--day", "1"], template: String = "report", timeout: String? = nil)
    -> ExecuteTemplateArgs
{
    let config: JSONValue = ["command": .array(command.map { .string($0) })]
    var args = ExecuteTemplateArgs.fixture(plugin: "batch", config: config, template: template)
    args.template.timeout = timeout
    return args
}

/// The plugin aimed at `service`, polling every 10 seconds.
func batchPlugin(_ service: FakeBatchService) throws -> Batch {
    try Batch(service: BatchService(url: service.url), logger: PluginTestClient.quietLogger())
}
