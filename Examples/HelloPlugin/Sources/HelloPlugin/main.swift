import Hello
import PluginSDK

// Wiring only: the plugin's logic lives in Hello.swift, where tests call it directly.
await PluginRuntime.run(Hello())
