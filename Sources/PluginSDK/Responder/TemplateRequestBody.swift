import PluginJSON

/// `template.plugin.<key>` of the `template.execute` body in progress, handed to the plugin the responder calls.
///
/// The responder parses every body once. A ``TemplatePlugin`` decodes its `Parameters` from that parse, through
/// the package's one decoder, instead of from the `JSONValue` copy in `args.template.plugin` (which
/// `Template.decodePlugin` first writes back to JSON). It travels with the call's identity (``CallMetadata``), so it
/// costs no task-local of its own, and it is bound to the type of the plugin the responder called: a plugin that
/// passes other arguments on to another plugin's `executeTemplate` gets those arguments decoded, never this body.
struct TemplateRequestBody: Sendable {
    /// `template.plugin.<key>` of the parsed body, for the key of the plugin the responder called.
    let pluginConfig: JSONDocument
    /// The type of that plugin.
    let plugin: ObjectIdentifier

    /// The body's `template.plugin.<key>`, when the call in progress handed it to a plugin of type `plugin`.
    static func pluginConfig(for plugin: Any.Type) -> JSONDocument? {
        guard let current = CallMetadata.current?.templateBody, current.plugin == ObjectIdentifier(plugin) else {
            return nil
        }
        return current.pluginConfig
    }
}
