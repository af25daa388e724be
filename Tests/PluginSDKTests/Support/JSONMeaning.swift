import Foundation
import PluginJSON

/// JSON compared by meaning: key order, whitespace and escaping do not matter.
enum JSONMeaning {
    static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    static func same(_ bytes: [UInt8], _ expected: String) throws -> Bool {
        try parse(bytes) == parse(expected)
    }
}
