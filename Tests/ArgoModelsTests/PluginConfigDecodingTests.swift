import Foundation
import PluginJSON
import Testing

@testable import ArgoModels

/// `Template.decodePlugin` goes through the package's one decoder (PluginJSON), as request bodies do.
@Suite("Decoding a plugin's configuration")
struct PluginConfigDecodingTests {
    struct Config: Decodable, Equatable {
        struct Field: Decodable, Equatable {
            var name: String
            var width: UInt8?
        }
        var channel: String
        var retries: Int?
        var ratio: Double
        var tags: [String]
        var fields: [Field]
        var extra: [String: JSONValue]?
    }

    func template(_ config: JSONValue) -> Template {
        Template(name: "t", plugin: ["hello": config])
    }

    @Test("nested objects, arrays, optionals and numbers decode as with JSONDecoder")
    func decodesNestedValues() throws {
        let value: JSONValue = [
            "channel": "#ci", "ratio": 2, "tags": ["a", "b"], "fields": [["name": "env", "width": 8]],
            "extra": ["any": [1, nil, true]],
        ]
        let config = try template(value).decodePlugin(Config.self, key: "hello")
        #expect(
            config
                == Config(
                    channel: "#ci", retries: nil, ratio: 2, tags: ["a", "b"], fields: [.init(name: "env", width: 8)],
                    extra: ["any": [1, nil, true]]))
        #expect(config == (try JSONDecoder().decode(Config.self, from: try JSONEncoder().encode(value))))
    }

    @Test("a mismatch deep in an array names its path from the configuration, in the error and its message")
    func mismatchPath() {
        let value: JSONValue = ["channel": "#ci", "ratio": 1, "tags": [], "fields": [["name": "a"], ["name": 5]]]
        do {
            _ = try template(value).decodePlugin(Config.self, key: "hello")
            Issue.record("expected an error")
        } catch DecodingError.typeMismatch(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["fields", "1", "name"])
            #expect(context.debugDescription == "expected a string at fields[1].name but found a number")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a missing member is keyNotFound with its name")
    func missingMember() {
        do {
            _ = try template(["ratio": 1, "tags": [], "fields": []]).decodePlugin(Config.self, key: "hello")
            Issue.record("expected an error")
        } catch DecodingError.keyNotFound(let key, let context) {
            #expect(key.stringValue == "channel")
            #expect(context.codingPath.isEmpty)
            #expect(context.debugDescription == #"missing key "channel" at the top level"#)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("numbers that do not fit the requested integer type are rejected; integral ones fit")
    func integerRange() throws {
        let value: JSONValue = ["channel": "c", "ratio": 1, "tags": [], "fields": [["name": "a", "width": 300]]]
        #expect(throws: DecodingError.self) { try template(value).decodePlugin(Config.self, key: "hello") }
        #expect(throws: DecodingError.self) { try template(.number(1.5)).decodePlugin(Int.self, key: "hello") }
        #expect(try template(.number(3)).decodePlugin(Int.self, key: "hello") == 3)
    }

    @Test("a template without the plugin's key throws keyNotFound for that key")
    func absentConfiguration() {
        do {
            _ = try template([:]).decodePlugin(Config.self, key: "other")
            Issue.record("expected an error")
        } catch DecodingError.keyNotFound(let key, let context) {
            #expect(key.stringValue == "other")
            #expect(context.codingPath.map(\.stringValue) == ["plugin"])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("the configuration decodes as the same bytes would through PluginJSONDecoder")
    func sameDecoderAsRequests() throws {
        struct Strict: Decodable { var count: Int }
        let text = #"{"count":"7"}"#
        let direct = decodingMessage { _ = try PluginJSONDecoder().decode(Strict.self, from: Array(text.utf8)) }
        let config = try PluginJSONDecoder().decode(JSONValue.self, from: Array(text.utf8))
        let viaTemplate = decodingMessage { _ = try template(config).decodePlugin(Strict.self, key: "hello") }
        #expect(viaTemplate == direct)
        #expect(viaTemplate == "expected an integer at count but found a string")
    }

    private func decodingMessage(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch DecodingError.typeMismatch(_, let context) {
            return context.debugDescription
        } catch {
            return "\(error)"
        }
    }
}
