import Foundation

/// govaluate's lexer (github.com/Knetic/govaluate, the library Argo evaluates `when` with), rule for rule:
/// numbers start with a digit or `.`; words start with a letter and may hold letters, digits, `_` and `.` (a word
/// with a `.` is an accessor); `'` and `"` both open and close strings, `\` escapes; `[...]` is a variable;
/// anything else is a run of symbol characters up to the next space, letter, digit, parenthesis or quote.
///
/// Then govaluate's syntax check: each token kind may only follow certain kinds (two words in a row, `a b`, is
/// "Cannot transition token types from VARIABLE [a] to VARIABLE [b]").
enum GovaluateLexer {
    static let prefixes: Set<String> = ["-", "!", "~"]
    static let modifiers: Set<String> = ["+", "-", "*", "/", "%", "**", "&", "|", "^", ">>", "<<"]
    static let logicals: Set<String> = ["&&", "||"]
    static let comparators: Set<String> = ["==", "!=", ">", ">=", "<", "<=", "=~", "!~", "in"]
    static let ternaries: Set<String> = ["?", ":", "??"]

    static func tokens(_ text: String) throws(ExpressionError) -> [ExpressionToken] {
        let characters = Array(text)
        var index = 0
        var tokens: [ExpressionToken] = []
        func read(while condition: (Character) -> Bool) -> String {
            var out = ""
            while index < characters.count, !characters[index].isWhitespace, condition(characters[index]) {
                out.append(characters[index])
                index += 1
            }
            return out
        }
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
                continue
            }
            let previous = tokens.last?.kind
            if character.isNumber || character == "." {
                let digits = read { $0.isNumber || $0 == "." }
                guard let number = Double(digits) else {
                    throw ExpressionError(message: "Unable to parse numeric value '\(digits)' to float64\n")
                }
                tokens.append(ExpressionToken(kind: .numeric, text: digits, number: number))
            } else if character == "," {
                index += 1
                tokens.append(ExpressionToken(kind: .separator, text: ","))
            } else if character == "[" {
                index += 1
                guard let name = readQuoted(characters, &index, until: { $0 == "]" }) else {
                    throw ExpressionError(message: "Unclosed parameter bracket")
                }
                tokens.append(ExpressionToken(kind: .variable, text: name))
            } else if character.isLetter {
                tokens.append(try word(read { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }))
            } else if character == "'" || character == "\"" {
                index += 1
                guard let contents = readQuoted(characters, &index, until: { $0 == "'" || $0 == "\"" }) else {
                    throw ExpressionError(message: "Unclosed string literal")
                }
                if looksLikeDate(contents) {
                    throw .unsupported("the quoted date '\(contents)' (govaluate compares dates as times)")
                }
                tokens.append(ExpressionToken(kind: .string, text: contents))
            } else if character == "(" || character == ")" {
                index += 1
                tokens.append(ExpressionToken(kind: character == "(" ? .clause : .clauseClose, text: String(character)))
            } else {
                let symbol = read { !($0.isNumber || $0.isLetter || "()[]'\"".contains($0)) }
                tokens.append(try self.symbol(symbol, after: previous))
            }
        }
        try checkSyntax(tokens)
        return tokens
    }

    static func word(_ word: String) throws(ExpressionError) -> ExpressionToken {
        if word == "true" || word == "false" { return ExpressionToken(kind: .boolean, text: word) }
        if word == "in" || word == "IN" { return ExpressionToken(kind: .comparator, text: "in") }
        guard word.contains(".") else { return ExpressionToken(kind: .variable, text: word) }
        if word.hasSuffix(".") { throw ExpressionError(message: "Hanging accessor on token '\(word)'") }
        for part in word.split(separator: ".").dropFirst() {
            if let first = part.first, first.isLowercase {
                throw ExpressionError(message: "Unable to access unexported field '\(part)' in token '\(word)'")
            }
        }
        return ExpressionToken(kind: .accessor, text: word)
    }

    static func symbol(_ symbol: String, after previous: ExpressionToken.Kind?) throws(ExpressionError) -> ExpressionToken {
        if canFollow(previous, with: .prefix), prefixes.contains(symbol) { return ExpressionToken(kind: .prefix, text: symbol) }
        if modifiers.contains(symbol) { return ExpressionToken(kind: .modifier, text: symbol) }
        if logicals.contains(symbol) { return ExpressionToken(kind: .logical, text: symbol) }
        if comparators.contains(symbol) { return ExpressionToken(kind: .comparator, text: symbol) }
        if ternaries.contains(symbol) { return ExpressionToken(kind: .ternary, text: symbol) }
        throw ExpressionError(message: "Invalid token: '\(symbol)'")
    }

    /// Reads up to the closing character (consumed), honouring `\` escapes; nil when the text ends first.
    static func readQuoted(_ characters: [Character], _ index: inout Int, until end: (Character) -> Bool) -> String? {
        var out = ""
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character == "\\", index < characters.count {
                out.append(characters[index])
                index += 1
            } else if end(character) {
                return out
            } else {
                out.append(character)
            }
        }
        return nil
    }

    /// govaluate turns a quoted string that parses as a date into a time; the simulator does not model that.
    static func looksLikeDate(_ text: String) -> Bool {
        text.range(of: #"^\d{4}-\d{2}-\d{2}([ T]\d{2}(:\d{2}){0,2}.*)?$"#, options: .regularExpression) != nil
            || text.range(of: #"^\d{1,2}:\d{2}(AM|PM)$"#, options: .regularExpression) != nil
    }
}
