import PluginSDK

await PluginRuntime.run(Fixture())
