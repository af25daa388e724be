import ArgoModels

extension TemplatePlugin {
    /// `template.plugin.<key>` as ``Parameters``: from the parsed request body when the responder handed it to this
    /// plugin (``TemplateRequestBody``), otherwise from `args` through `Template.decodePlugin`. Both routes use the
    /// same decoder, so they give the same values and the same errors, with coding paths relative to the
    /// configuration (`greeting`, not `template.plugin.hello.greeting`); only a number no `JSONValue` holds exactly
    /// (an integer beyond 64 bits) reads exactly from the body alone.
    static func decodeParameters(_ args: ExecuteTemplateArgs) throws -> Parameters {
        if let config = TemplateRequestBody.pluginConfig(for: Self.self) {
            return try config.decode(Parameters.self, usesDirectDecoding: false)
        }
        return try args.template.decodePlugin(Parameters.self, key: key)
    }
}
