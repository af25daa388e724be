/// An environment variable that stands in for a command-line flag when the flag is not given.
///
/// ```swift
/// static let environment: [EnvironmentFallback] = [
///     .option("--url", variable: "URL"),          // URL=https://... as if --url=https://... were given
///     .flag("--verbose", variable: "VERBOSE"),    // VERBOSE=1 as if --verbose were given
/// ]
/// ```
///
/// An empty variable counts as unset. The flag wins when both are given.
public struct EnvironmentFallback: Sendable, Hashable {
    /// What kind of flag the variable stands in for.
    enum Kind: Sendable, Hashable {
        /// An `@Option`: the variable's value becomes the option's value.
        case option
        /// A `@Flag` (`Bool`): `1`, `true`, `yes` or `on` turn it on; `0`, `false`, `no` or `off` leave it off.
        case flag
    }

    /// The long flag, with its dashes: `--url`.
    public let name: String
    /// The environment variable: `URL`.
    public let variable: String
    let kind: Kind

    private init(name: String, variable: String, kind: Kind) {
        self.name = name.hasPrefix("--") ? name : "--" + name
        self.variable = variable
        self.kind = kind
    }

    /// `variable` stands in for the option `name` (an `@Option`), as if `name=value` were given.
    public static func option(_ name: String, variable: String) -> EnvironmentFallback {
        EnvironmentFallback(name: name, variable: variable, kind: .option)
    }

    /// `variable` stands in for the Boolean flag `name` (a `@Flag`): `1`, `true`, `yes` or `on` turn it on;
    /// `0`, `false`, `no` or `off` leave it as it is; anything else is a usage error.
    public static func flag(_ name: String, variable: String) -> EnvironmentFallback {
        EnvironmentFallback(name: name, variable: variable, kind: .flag)
    }
}
