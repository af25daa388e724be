/// The lexer of expr-lang (github.com/expr-lang/expr), which Argo uses for `depends`, lifecycle hook expressions
/// and `retryStrategy.expression`: names, numbers, `"..."`/`'...'` strings with escapes, keywords (`and`, `or`,
/// `not`, `in`, `matches`, `contains`, `startsWith`, `endsWith`, `true`, `false`, `nil`) and symbols, longest first.
enum ExprLexer {
    static let symbols = ["?.", "??", "==", "!=", "<=", ">=", "&&", "||", "**", "<", ">", "!", "+", "-", "*", "/",
        "%", "^", "?", ":", ".", ",", "(", ")", "[", "]"]
    static let wordOperators: Set<String> = ["and", "or", "not", "in", "matches", "contains", "startsWith", "endsWith"]

    static func tokens(_ text: String) throws(ExpressionError) -> [ExpressionToken] {
        let characters = Array(text)
        var index = 0
        var tokens: [ExpressionToken] = []
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
            } else if character.isASCII, character.isNumber {
                var digits = ""
                while index < characters.count, characters[index].isNumber || characters[index] == "_"
                    || (characters[index] == "." && index + 1 < characters.count && characters[index + 1].isNumber)
                {
                    if characters[index] != "_" { digits.append(characters[index]) }
                    index += 1
                }
                tokens.append(ExpressionToken(kind: .numeric, text: digits, number: Double(digits) ?? 0))
            } else if character == "\"" || character == "'" {
                index += 1
                tokens.append(ExpressionToken(kind: .string, text: try string(characters, &index, quote: character)))
            } else if character.isLetter || character == "_" || character == "$" {
                var word = ""
                while index < characters.count,
                    characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
                        || characters[index] == "$"
                {
                    word.append(characters[index])
                    index += 1
                }
                tokens.append(self.word(word))
            } else if let symbol = symbols.first(where: { matches($0, characters, at: index) }) {
                index += symbol.count
                tokens.append(ExpressionToken(kind: kind(of: symbol), text: symbol))
            } else {
                throw ExpressionError(message: "unexpected token \(character)")
            }
        }
        return tokens
    }

    static func word(_ word: String) -> ExpressionToken {
        switch word {
        case "true", "false": return ExpressionToken(kind: .boolean, text: word)
        case "nil": return ExpressionToken(kind: .null, text: word)
        case "not": return ExpressionToken(kind: .prefix, text: word)
        case _ where wordOperators.contains(word): return ExpressionToken(kind: .comparator, text: word)
        default: return ExpressionToken(kind: .variable, text: word)
        }
    }

    static func kind(of symbol: String) -> ExpressionToken.Kind {
        switch symbol {
        case "(": return .clause
        case ")": return .clauseClose
        case "[": return .bracketOpen
        case "]": return .bracketClose
        case ".", "?.": return .dot
        case ",": return .separator
        case "?", ":", "??": return .ternary
        case "!": return .prefix
        default: return .comparator
        }
    }

    static func matches(_ symbol: String, _ characters: [Character], at index: Int) -> Bool {
        let parts = Array(symbol)
        guard index + parts.count <= characters.count else { return false }
        return Array(characters[index..<(index + parts.count)]) == parts
    }

    /// A quoted string with Go-like escapes (`\n`, `\t`, `\\`, `\"`, `\'`, `\uXXXX`).
    static func string(_ characters: [Character], _ index: inout Int, quote: Character) throws(ExpressionError) -> String {
        var out = ""
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character == quote { return out }
            guard character == "\\", index < characters.count else {
                out.append(character)
                continue
            }
            let escaped = characters[index]
            index += 1
            switch escaped {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "u" where index + 4 <= characters.count:
                let hex = String(characters[index..<(index + 4)])
                index += 4
                if let scalar = UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) { out.unicodeScalars.append(scalar) }
            default: out.append(escaped)
            }
        }
        throw ExpressionError(message: "literal not terminated")
    }
}
