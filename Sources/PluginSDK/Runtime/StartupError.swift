#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a plugin did not start, with the text to print and the exit status.
///
/// ``PluginRuntime/run(_:configuration:logger:arguments:environment:)`` handles it itself. An author who builds
/// a ``PluginRuntime`` for a `ServiceGroup` of their own ends the process the same way with ``exit()``:
///
/// ```swift
/// do {
///     let plugin = try await PluginRuntime(Hello())
///     ...
/// } catch let error as StartupError {
///     error.exit()
/// }
/// ```
public struct StartupError: Error, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// `--help` or `-h`: not a failure; the help screen goes to standard output and the status is 0.
        case helpRequested
        /// A bad flag or value, from the command line or an environment variable: usage printed, status 64.
        case usage
        /// The plugin, its token or a setting cannot work (an initializer that threw, an unreadable file,
        /// a port in use): one line on standard error, status 1.
        case configuration
    }

    /// What went wrong.
    public let kind: Kind
    /// The text to print: the help screen, the usage error with usage, or `error: ...`.
    public let message: String

    /// Creates the error.
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// A configuration error printed as `error: <reason>`.
    static func configuration(_ reason: String) -> StartupError {
        StartupError(kind: .configuration, message: "error: \(reason)")
    }

    /// A usage error printed as `Error: <reason>` followed by usage.
    static func usage(_ text: String) -> StartupError {
        StartupError(kind: .usage, message: text)
    }

    /// 0 for help, 64 (`EX_USAGE`) for usage errors, 1 for configuration errors.
    public var exitCode: Int32 {
        switch kind {
        case .helpRequested: return 0
        case .usage: return 64
        case .configuration: return 1
        }
    }

    /// The message.
    public var description: String { message }

    /// Prints the message (help to standard output, anything else to standard error) and exits with ``exitCode``.
    public func exit() -> Never {
        let text = message.hasSuffix("\n") ? message : message + "\n"
        let bytes = Array(text.utf8)
        _ = write(kind == .helpRequested ? STDOUT_FILENO : STDERR_FILENO, bytes, bytes.count)
        Glibc.exit(exitCode)
    }
}
