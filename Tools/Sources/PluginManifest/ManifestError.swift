/// Why a `plugin.yaml` was rejected, naming the field at fault.
///
/// The description reads like a compiler diagnostic, so an editor or a CI log points at the right line:
///
/// ```text
/// plugin.yaml:14: spec.sidecar.container.ports: at least one port is mandatory
/// ```
public struct ManifestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The dotted path of the offending field, e.g. `spec.sidecar.container.ports[0].containerPort`;
    /// empty for the document itself.
    public var field: String
    /// What is wrong with the field, in a sentence fragment without a trailing period.
    public var message: String
    /// The 1-based line of the field in the source file, when the parser reported one.
    public var line: Int?
    /// The file the manifest came from, when it came from a file.
    public var file: String?

    /// Creates an error for `field` with a message and, optionally, where it was found.
    public init(field: String, message: String, line: Int? = nil, file: String? = nil) {
        self.field = field
        self.message = message
        self.line = line
        self.file = file
    }

    /// `file:line: field: message`, leaving out the parts that are unknown.
    public var description: String {
        var location = ""
        if let file {
            location = line.map { "\(file):\($0): " } ?? "\(file): "
        } else if let line {
            location = "line \(line): "
        }
        return field.isEmpty ? "\(location)\(message)" : "\(location)\(field): \(message)"
    }

    /// The same error, attributed to `file`.
    func `in`(file: String) -> ManifestError {
        var copy = self
        copy.file = file
        return copy
    }
}
