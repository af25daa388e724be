// `import PluginSDK` is all a plugin author writes: the contract models and JSONValue come with it.
@_exported import ArgoModels
@_exported import PluginJSON
