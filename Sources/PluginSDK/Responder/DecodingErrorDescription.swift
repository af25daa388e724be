import PluginJSON

/// Turns decoding errors into one readable line that names the field, for 400 bodies and `Failed` nodes.
///
/// The field comes first, spelled by `CodingPathText` like every other coding path in the SDK's messages:
/// `template.inputs.parameters[0].name: required field is missing`, `the top level: expected an object (...)`.
/// A syntax error has no coding path; its message names the byte offset instead and is given as it is.
enum DecodingErrorDescription {
    /// A one-line description of `error`: for a `DecodingError`, the field path and what was wrong.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): required field is missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type)); \(detail(context))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type)), found null"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return detail(context) }
            return "\(path(context.codingPath)): \(detail(context))"
        @unknown default:
            return String(describing: error)
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        CodingPathText.describe(keys)
    }

    private static func typeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "String", "AnyString": return "a string"
        case "Int", "Int64", "Int32", "UInt", "UInt64", "Double", "Float": return "a number"
        case "Bool": return "a boolean"
        default:
            if name.hasPrefix("Array") || name.hasPrefix("[") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "an object (\(name))"
        }
    }

    private static func detail(_ context: DecodingError.Context) -> String {
        var text = context.debugDescription
        if let underlying = context.underlyingError {
            text += " (\(underlying))"
        }
        return String(text.prefix(300))
    }
}
