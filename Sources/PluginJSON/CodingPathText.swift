/// How every message of the SDK spells a coding path: the decoder's and encoder's own errors, the 400 replies and
/// the `Failed` node of a plugin whose parameters do not decode all go through ``describe(_:)``.
///
/// Keys are joined with dots, array positions are written in brackets (`template.inputs.parameters[3].name`),
/// and the empty path is ``topLevel``. A key longer than `JSONErrors.maxEchoedCharacters` is quoted and cut short,
/// so a hostile body never ends up in a message whole.
package enum CodingPathText {
    /// The spelling of the empty path: the value being decoded or encoded itself.
    package static let topLevel = "the top level"

    /// `path` written the way a reader expects: `template.inputs.parameters[3].name`, or ``topLevel``.
    package static func describe(_ path: [any CodingKey]) -> String {
        if path.isEmpty { return topLevel }
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                if !text.isEmpty { text += "." }
                let name = key.stringValue
                text += name.unicodeScalars.count > JSONErrors.maxEchoedCharacters ? JSONErrors.quote(name) : name
            }
        }
        return text
    }
}
