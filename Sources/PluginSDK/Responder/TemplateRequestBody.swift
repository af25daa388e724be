import PluginJSON

/// The parsed body of the `template.execute` call in progress, handed to the plugin the responder calls.
///
/// The responder parses every body once. A ``TemplatePlugin`` decodes its `Parameters` from that parse's
/// `template.plugin.<key>`, through the package's one decoder, instead of from the `JSONValue` copy in
/// `args.template.plugin` (which `Template.decodePlugin` first writes back to JSON). The body is bound to the type
/// of the plugin the responder called: a plugin that passes other arguments on to another plugin's
/// `executeTemplate` gets those arguments decoded, never this body.
struct TemplateRequestBody: Sendable {
    /// The body of the call in progress, while the responder runs the plugin's `executeTemplate`.
    @TaskLocal static var current: TemplateRequestBody?

    /// The parsed request body.
    let document: JSONDocument
    /// The type of the plugin the responder called with it.
    let plugin: ObjectIdentifier

    /// `template.plugin.<key>` of the body, when the call in progress handed it to a plugin of type `plugin`.
    static func pluginConfig(for plugin: Any.Type, key: String) -> JSONDocument? {
        guard let current, current.plugin == ObjectIdentifier(plugin) else { return nil }
        return current.document.subdocument(at: ["template", "plugin", key])
    }
}
