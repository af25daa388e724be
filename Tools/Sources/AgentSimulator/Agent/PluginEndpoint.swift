/// One plugin sidecar as Argo's agent knows it: its address, its token and the methods it answered 404 for.
///
/// Argo's RPC client remembers a 404 per method and never calls that method on that plugin again; so does the
/// simulator, for the whole run.
public actor PluginEndpoint {
    /// The base URL, e.g. `http://127.0.0.1:4355`.
    public nonisolated let address: String
    /// The token sent as `Authorization: Bearer <token>`.
    nonisolated let token: String
    private var invalid: Set<String> = []

    /// An endpoint for the plugin at `address` (a trailing `/` is dropped) with `token`.
    public init(address: String, token: String) {
        var address = address
        while address.hasSuffix("/") { address.removeLast() }
        self.address = address
        self.token = token
    }

    /// Whether `method` answered 404 before.
    func isInvalid(_ method: String) -> Bool { invalid.contains(method) }

    /// Remembers a 404 for `method`.
    func markInvalid(_ method: String) { invalid.insert(method) }
}
