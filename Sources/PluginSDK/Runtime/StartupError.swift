#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a plugin did not start, with the text to print and the exit status.
///
/// ``PluginRuntime/run(_:configuration:logger:arguments:environment:)`` handles it itself. An author who builds
/// a ``PluginRuntime`` for a `ServiceGroup` of their own ends the process the same way with ``exit(for:)``:
///
/// ```swift
/// do {
///     let plugin = try await PluginRuntime(Hello())
///     let group = ServiceGroup(services: [plugin], gracefulShutdownSignals: [.sigterm], logger: plugin.logger)
///     try await group.run()
/// } catch {
///     StartupError.exit(for: error)
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

    /// Ends the process for `error`: a ``StartupError`` as ``exit()`` does, any other error (a port in use, thrown
    /// by a `ServiceGroup`) as a configuration error: `error: <description>` and status 1.
    public static func exit(for error: any Error) -> Never {
        (error as? StartupError ?? .configuration("\(error)")).exit()
    }

    /// Prints the message (help to standard output, anything else to standard error) and exits with ``exitCode``.
    public func exit() -> Never {
        let text = message.hasSuffix("\n") ? message : message + "\n"
        let bytes = Array(text.utf8)
        _ = write(kind == .helpRequested ? STDOUT_FILENO : STDERR_FILENO, bytes, bytes.count)
        Glibc.exit(exitCode)
    }
}
