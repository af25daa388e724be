import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A credential (a webhook URL, an API token) that never shows up in logs, errors or `--help`.
///
/// Declare an option of this type and give it an environment variable; for a Secret mounted as a file, add a path
/// option and read it with ``init(contentsOfFile:)``. Values are trimmed of surrounding whitespace (a Secret
/// created from a file often ends in a newline). `description`, `debugDescription`, `dump` and string
/// interpolation all print `<redacted>`; read the value itself with ``value``, and only where it is used.
///
/// ```swift
/// struct Options: PluginOptions {
///     @Option(help: "API token.") var token: Secret?
///     @Option(help: "File holding the API token.") var tokenFile: String?
///     static let environment: [EnvironmentFallback] = [
///         .option("--token", variable: "API_TOKEN"), .option("--token-file", variable: "API_TOKEN_FILE"),
///     ]
/// }
///
/// let token = try options.token ?? options.tokenFile.map(Secret.init(contentsOfFile:))
/// ```
public struct Secret: Sendable, ExpressibleByArgument, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The secret itself. Never log it.
    public let value: String

    /// `value` trimmed of surrounding spaces, tabs and newlines; `nil` if nothing is left.
    public init?(_ value: String) {
        let trimmed = value.trimmingASCIIWhitespace()
        guard !trimmed.isEmpty else { return nil }
        self.value = trimmed
    }

    /// A command-line or environment value; an empty one is refused (without being echoed).
    public init?(argument: String) {
        self.init(argument)
    }

    /// The trimmed contents of the file at `path`, such as a Kubernetes Secret mounted as a volume.
    ///
    /// - Throws: ``ConfigurationError`` naming the path, the reason and the fix when the file does not exist,
    ///   cannot be read or is empty; never its contents.
    public init(contentsOfFile path: String) throws(ConfigurationError) {
        let bytes: [UInt8]
        do {
            bytes = try SmallFile.bytes(path)
        } catch {
            throw ConfigurationError(
                description: """
                    cannot read the secret file \(path): \(error). Check the path, and that the Secret is mounted \
                    there (volumes[].secret and volumeMounts[].mountPath) and readable by uid \(getuid())
                    """)
        }
        guard let secret = Secret(String(decoding: bytes, as: UTF8.self)) else {
            throw ConfigurationError(description: "the secret file \(path) is empty")
        }
        self = secret
    }

    /// `<redacted>`.
    public var description: String { "<redacted>" }

    /// `Secret(<redacted>)`.
    public var debugDescription: String { "Secret(<redacted>)" }

    /// No children, so `dump` and reflection show nothing of the value.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// Shown in `--help` if a secret option ever has a default.
    public var defaultValueDescription: String { "<redacted>" }
}
