import PluginJSON

extension Template {
    /// The configuration this template gives the plugin named `key`: `template.plugin[key]`.
    ///
    /// ```swift
    /// template.pluginConfig(for: "hello")?["channel"]?.stringValue  // "#ci"
    /// ```
    public func pluginConfig(for key: String) -> JSONValue? {
        plugin?[key]
    }

    /// Decodes the configuration for the plugin named `key` into the author's own type.
    ///
    /// Works with any `Decodable` type, through the same decoder, rules and messages as the request a plugin
    /// serves (a `TemplatePlugin`'s `Parameters` decode the same way). Errors are `DecodingError`s whose coding
    /// path names the offending member relative to the plugin's configuration, and so do their descriptions
    /// (`expected a string at channel but found a number`). A missing configuration throws
    /// `DecodingError.keyNotFound` for `key`.
    ///
    /// ```swift
    /// struct HelloConfig: Decodable { var channel: String; var retries: Int? }
    /// let config = try args.template.decodePlugin(HelloConfig.self, key: "hello")
    /// ```
    public func decodePlugin<T: Decodable>(_ type: T.Type, key: String) throws -> T {
        guard let config = pluginConfig(for: key) else {
            throw DecodingError.keyNotFound(
                AnyCodingKey(key),
                DecodingError.Context(
                    codingPath: [AnyCodingKey("plugin")],
                    debugDescription: "the template has no configuration for plugin \"\(key)\""
                )
            )
        }
        // The one decoder of the package: the configuration is written back to JSON and decoded as a request body
        // would be. (On the request path a `TemplatePlugin` decodes it from the parsed body instead, through the
        // same decoder, without this copy.)
        return try PluginJSONDecoder().decode(T.self, from: try config.serialized())
    }
}
