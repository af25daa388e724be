// The models expose `JSONValue` in their public API (unknown fields, plugin configuration), so importing
// ArgoModels brings PluginJSON's `JSONValue` and `AnyCodingKey` along.
@_exported import PluginJSON
