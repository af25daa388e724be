// `import PluginSDKTesting` in a test target brings the SDK and its models along.
@_exported import PluginSDK
