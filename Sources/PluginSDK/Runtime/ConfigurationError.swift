/// A configuration the server refuses to run with, and why.
public struct ConfigurationError: Error, CustomStringConvertible {
    /// What is wrong and how to fix it.
    public var description: String

    /// Creates the error.
    public init(description: String) {
        self.description = description
    }
}
