import Foundation
import Testing

@testable import PluginJSON

struct Parameter: Codable, Equatable {
    var name: String
    var value: String?
}

struct Inputs: Codable, Equatable {
    var parameters: [Parameter]
}

struct Job: Codable, Equatable {
    var inputs: Inputs
    var replicas: Int
    var enabled: Bool
}

private func failure(_ json: String) -> (message: String, path: String?) {
    let body = { _ = try PluginJSONDecoder().decode(Job.self, from: utf8(json)) }
    return (decodingFailure(body), failurePath(body))
}

@Test("a value of the wrong type names the field, what was expected and what was found")
func typeMismatchNamesField() {
    let result = failure(#"{"inputs":{"parameters":[{"name":"a"},{"name":7}]},"replicas":1,"enabled":true}"#)
    #expect(result.message == "expected a string at inputs.parameters[1].name but found a number")
    #expect(result.path == "inputs.parameters.[1].name")
    #expect(failure(#"{"inputs":{"parameters":[]},"replicas":"3","enabled":true}"#).message
        == "expected an integer at replicas but found a string")
    #expect(failure(#"{"inputs":[],"replicas":3,"enabled":true}"#).message
        == "expected an object at inputs but found an array")
    #expect(failure(#"{"inputs":{"parameters":{}},"replicas":3,"enabled":true}"#).message
        == "expected an array at inputs.parameters but found an object")
}

@Test("null where a value is required is valueNotFound, with the field")
func nullIsValueNotFound() throws {
    do {
        _ = try PluginJSONDecoder().decode(Job.self, from: utf8(#"{"inputs":{"parameters":[]},"replicas":1,"enabled":null}"#))
        Issue.record("no error")
    } catch DecodingError.valueNotFound(_, let context) {
        #expect(context.debugDescription == "expected a boolean at enabled but found null")
        #expect(context.codingPath.map(\.stringValue) == ["enabled"])
    }
}

@Test("a missing key is keyNotFound with the key and the object's path")
func missingKey() throws {
    do {
        _ = try PluginJSONDecoder().decode(Job.self, from: utf8(#"{"inputs":{"parameters":[{"value":"v"}]},"replicas":1,"enabled":true}"#))
        Issue.record("no error")
    } catch DecodingError.keyNotFound(let key, let context) {
        #expect(key.stringValue == "name")
        #expect(context.debugDescription == #"missing key "name" at inputs.parameters[0]"#)
        #expect(context.codingPath.count == 3)
    }
}

@Test("reading past the end of an array says how many elements there were")
func arrayTooShort() {
    struct Pair: Decodable {
        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            _ = try container.decode(Int.self)
            _ = try container.decode(Int.self)
        }
    }
    #expect(decodingFailure { _ = try PluginJSONDecoder().decode(Pair.self, from: utf8("[1]")) }
        == "expected Int at [1] but the array has only 1 elements")
}

@Test("messages never repeat more than about 40 characters of the input")
func echoedTextIsCapped() {
    let longKey = String(repeating: "k", count: 10_000)
    let duplicate = decodingFailure { _ = try JSONValue(parsing: #"{"\#(longKey)":1,"\#(longKey)":2}"#) }
    #expect(duplicate.hasPrefix("duplicate key \"kkkk"))
    #expect(duplicate.count < 100)
    let longNumber = String(repeating: "9", count: 300)
    let number = decodingFailure { _ = try PluginJSONDecoder().decode(Int.self, from: utf8(longNumber)) }
    #expect(number.contains("…"))
    #expect(number.count < 120)
    let missing = decodingFailure {
        _ = try PluginJSONDecoder().decode([String: Job].self, from: utf8(#"{"\#(longKey)":{}}"#))
    }
    #expect(missing.count < 200)
}

@Test("syntax errors are dataCorrupted with an empty coding path and the byte offset")
func syntaxErrorShape() {
    do {
        _ = try PluginJSONDecoder().decode(Job.self, from: utf8(#"{"inputs":{"parameters":[x]}}"#))
        Issue.record("no error")
    } catch DecodingError.dataCorrupted(let context) {
        #expect(context.codingPath.isEmpty)
        #expect(context.debugDescription == "unexpected character 'x', expected a value, at byte 25")
    } catch {
        Issue.record("unexpected \(error)")
    }
}

@Test("codingPath of nested decoders and containers is rebuilt correctly")
func codingPathsOfNestedDecoders() throws {
    struct Probe: Decodable {
        var paths: [String]
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyCodingKey.self)
            var list = try container.nestedUnkeyedContainer(forKey: AnyCodingKey("list"))
            _ = try list.decode(Int.self)
            let inner = try list.nestedContainer(keyedBy: AnyCodingKey.self)
            let deepest = try inner.superDecoder(forKey: AnyCodingKey("x"))
            paths = [decoder.codingPath, container.codingPath, list.codingPath, inner.codingPath, deepest.codingPath]
                .map { $0.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/") }
        }
    }
    let probe = try PluginJSONDecoder().decode([String: Probe].self, from: utf8(#"{"p":{"list":[1,{"x":null}]}}"#))
    #expect(probe["p"]?.paths == ["p", "p", "p/list", "p/list/1", "p/list/1/x"])
}
