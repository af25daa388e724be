/// Why a ``ServiceClient`` (or a client built on it) could not be created: a bad URL, an unreadable CA or token
/// file, a missing credential. One line that names what to fix and never the secret itself; the plugin should
/// let it end start-up (`PluginRuntime` prints it and exits 1).
public struct ServiceConfigurationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The message.
    public var description: String

    /// Creates an error with its message.
    public init(_ description: String) {
        self.description = description
    }
}
