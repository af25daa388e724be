@_exported import PluginHTTP
