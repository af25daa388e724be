/// Turns decoding errors into one readable line that names the field, for 400 bodies and `Failed` nodes.
public enum DecodingErrorDescription {
    /// A one-line description of `error`: for a `DecodingError`, the field path and what was wrong.
    ///
    /// ```swift
    /// // "template.inputs.parameters[0].name: required field is missing"
    /// DecodingErrorDescription.describe(error)
    /// ```
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): required field is missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type)); \(detail(context))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type)), found null"
        case .dataCorrupted(let context):
            let at = context.codingPath.isEmpty ? "body" : path(context.codingPath)
            return "\(at): \(detail(context))"
        @unknown default:
            return String(describing: error)
        }
    }

    /// `a.b[0].c` from a coding path; `(root)` for an empty one.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "(root)" : text
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
