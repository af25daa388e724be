/// Building the `DecodingError`s and `EncodingError`s this package throws.
///
/// Every message says what was expected and what was found; syntax errors name the byte offset. Text echoed from
/// the input is capped at `maxEchoedCharacters` so a hostile body never ends up in a log line whole.
enum JSONErrors {
    /// The most characters of input or key text any message repeats.
    static let maxEchoedCharacters = 40

    /// A syntax error at `offset`, as `DecodingError.dataCorrupted` with an empty coding path.
    static func syntax(_ message: String, at offset: Int) -> DecodingError {
        DecodingError.dataCorrupted(
            DecodingError.Context(codingPath: [], debugDescription: "\(message) at byte \(offset)"))
    }

    /// `unexpected character 'x'` (printable ASCII) or `unexpected byte 0xNN` at `offset`.
    static func unexpected(_ byte: UInt8, at offset: Int, expecting: String) -> DecodingError {
        syntax("unexpected \(describe(byte)), expected \(expecting),", at: offset)
    }

    /// How a single input byte is shown in a message.
    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F {
            return "character '\(Character(Unicode.Scalar(byte)))'"
        }
        return "byte 0x" + hex(byte)
    }

    /// Two upper-case hex digits.
    static func hex(_ byte: UInt8) -> String {
        let digits: [Character] = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    /// `text` quoted, shortened to `maxEchoedCharacters` with `…` when longer.
    static func quote(_ text: String) -> String {
        var result = "\""
        var count = 0
        for character in text.unicodeScalars {
            if count == maxEchoedCharacters {
                result += "…"
                break
            }
            if character.value < 0x20 || character == "\"" || character == "\\" {
                result += character.escaped(asASCII: true)
            } else {
                result.unicodeScalars.append(character)
            }
            count += 1
        }
        return result + "\""
    }

    /// A value of the wrong JSON type (or `null` where a value is required).
    static func mismatch(
        _ type: Any.Type, expected: String, found: String, path: [any CodingKey]
    ) -> DecodingError {
        let context = DecodingError.Context(
            codingPath: path,
            debugDescription: "expected \(expected) at \(CodingPathText.describe(path)) but found \(found)")
        if found == "null" {
            return .valueNotFound(type, context)
        }
        return .typeMismatch(type, context)
    }

    /// A number that is valid JSON but does not fit the requested type.
    static func numberDoesNotFit(_ text: String, into type: Any.Type, path: [any CodingKey]) -> DecodingError {
        .dataCorrupted(
            DecodingError.Context(
                codingPath: path,
                debugDescription: "number \(quote(text).dropFirst().dropLast()) at \(CodingPathText.describe(path)) "
                    + "does not fit in \(type)"))
    }

    /// A required key that the object does not have.
    static func keyNotFound(_ key: any CodingKey, path: [any CodingKey]) -> DecodingError {
        .keyNotFound(
            key,
            DecodingError.Context(
                codingPath: path,
                debugDescription: "missing key \(quote(key.stringValue)) at \(CodingPathText.describe(path))"))
    }

    /// Reading past the end of an array.
    static func arrayEnded(_ type: Any.Type, count: Int, path: [any CodingKey]) -> DecodingError {
        .valueNotFound(
            type,
            DecodingError.Context(
                codingPath: path,
                debugDescription:
                    "expected \(type) at \(CodingPathText.describe(path)) but the array has only \(count) elements"))
    }

    /// A value the encoder cannot write (a non-finite number, nesting too deep).
    static func cannotEncode(_ value: Any, _ message: String, path: [any CodingKey]) -> EncodingError {
        .invalidValue(
            value,
            EncodingError.Context(codingPath: path, debugDescription: "\(message) at \(CodingPathText.describe(path))"))
    }
}
