// The only defaults a plugin gets: its log name and a shutdown that does nothing. Handlers have none, so a handler
// with a wrong signature is a compile error, not a silent 404.
extension Plugin {
    /// The type's name.
    public var name: String { String(describing: Self.self) }

    /// Does nothing.
    public func shutdown() async throws {}
}
