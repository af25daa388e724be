/// The RPC methods Argo calls on a plugin, by their wire names (`POST /api/v1/<name>`).
public enum PluginMethod: String, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    /// `template.execute`: the executor plugin call, made by Argo's agent for plugin templates.
    case templateExecute = "template.execute"

    /// The request path Argo uses for this method.
    public var path: String { "/api/v1/\(rawValue)" }

    /// The wire name.
    public var description: String { rawValue }

    /// The method for a request path, if it names one.
    public init?(path: String) {
        let prefix = "/api/v1/"
        guard path.hasPrefix(prefix) else { return nil }
        self.init(rawValue: String(path.dropFirst(prefix.count)))
    }
}
