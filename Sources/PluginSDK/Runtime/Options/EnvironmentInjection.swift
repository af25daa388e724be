import ArgumentParser

/// The arguments with environment variables applied: `--flag=value` (or `--flag`) in front for every fallback
/// whose flag is not given and whose variable is set and not empty.
struct EnvironmentInjection {
    /// A variable that was applied, and its value (kept only to keep it out of error messages).
    struct Entry {
        var fallback: EnvironmentFallback
        var value: String

        /// `message` (about this entry's flag) without the value, naming the variable instead.
        func redacting(_ message: String) -> String {
            var text = message.replacing("The value '\(value)'", with: "The value of \(fallback.variable)")
            text = text.replacing("'\(value)'", with: "$\(fallback.variable)")
            if value.count >= 4 { text = text.replacing(value, with: "$\(fallback.variable)") }
            if !text.contains(fallback.variable) { text = "environment variable \(fallback.variable): " + text }
            return text
        }
    }

    /// What swift-argument-parser parses.
    let arguments: [String]
    /// The variables applied.
    let entries: [Entry]

    init(fallbacks: [EnvironmentFallback], arguments: [String], environment: [String: String]) throws(ValidationError) {
        let given = arguments.prefix { $0 != "--" }
        var added: [String] = []
        var entries: [Entry] = []
        for fallback in fallbacks {
            let isGiven = given.contains { $0 == fallback.name || $0.hasPrefix(fallback.name + "=") }
            guard !isGiven, let value = environment[fallback.variable], !value.isEmpty else { continue }
            switch fallback.kind {
            case .option:
                added.append("\(fallback.name)=\(value)")
            case .flag:
                switch value.lowercased() {
                case "1", "true", "yes", "on": added.append(fallback.name)
                case "0", "false", "no", "off": continue
                default:
                    throw ValidationError(
                        "environment variable \(fallback.variable) (for \(fallback.name)) must be 1, true, yes or on "
                            + "to turn it on, or 0, false, no or off")
                }
            }
            entries.append(Entry(fallback: fallback, value: value))
        }
        self.arguments = added + arguments
        self.entries = entries
    }
}
