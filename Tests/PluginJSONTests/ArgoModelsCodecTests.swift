import ArgoModels
import Foundation
import Testing

@testable import PluginJSON

@Test("the bench bodies decode into ArgoModels exactly as JSONDecoder decodes them")
func benchBodiesDecodeLikeFoundation() throws {
    for name in ["hello", "medium", "large"] {
        let bytes = try BenchBodies.bytes(name)
        let ours = try PluginJSONDecoder().decode(ExecuteTemplateArgs.self, from: bytes)
        let theirs = try JSONDecoder().decode(ExecuteTemplateArgs.self, from: Data(bytes))
        #expect(ours == theirs, "\(name)")
    }
    let bytes = try BenchBodies.bytes("preexec")
    let ours = try PluginJSONDecoder().decode(NodePreExecuteArgs.self, from: bytes)
    #expect(ours == (try JSONDecoder().decode(NodePreExecuteArgs.self, from: Data(bytes))))
}

@Test("the bench bodies re-encode to the JSON they came from (less null members), byte for byte like sorted JSONEncoder")
func benchBodiesReEncode() throws {
    let foundation = JSONEncoder()
    foundation.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    for name in ["hello", "medium", "large", "preexec"] {
        let bytes = try BenchBodies.bytes(name)
        let ours: [UInt8]
        let theirs: Data
        if name == "preexec" {
            let value = try PluginJSONDecoder().decode(NodePreExecuteArgs.self, from: bytes)
            ours = try PluginJSONEncoder().encode(value)
            theirs = try foundation.encode(value)
        } else {
            let value = try PluginJSONDecoder().decode(ExecuteTemplateArgs.self, from: bytes)
            ours = try PluginJSONEncoder().encode(value)
            theirs = try foundation.encode(value)
        }
        // Typed optional members sent as `null` (preexec's `finishedAt`) come back absent, as with JSONEncoder.
        #expect(try JSONValue(parsing: ours) == JSONValue(parsing: bytes).withoutNullMembers, "\(name)")
        #expect(ours == Array(theirs), "\(name)")
    }
}

@Test("unknown members of the models survive a decode/encode round trip through PluginJSON")
func unknownMembersSurvive() throws {
    let text = #"{"workflow":{"metadata":{"name":"w","x-new":{"a":[1,null]}}},"template":{"name":"t","future":true},"extra":"kept"}"#
    let value = try PluginJSONDecoder().decode(ExecuteTemplateArgs.self, from: utf8(text))
    let encoded = try PluginJSONEncoder().encode(value)
    #expect(try JSONValue(parsing: encoded) == JSONValue(parsing: text))
}

extension JSONValue {
    /// The value with `null` object members removed, at every level.
    var withoutNullMembers: JSONValue {
        switch self {
        case .array(let elements): return .array(elements.map(\.withoutNullMembers))
        case .object(let members): return .object(members.filter { !$0.value.isNull }.mapValues(\.withoutNullMembers))
        default: return self
        }
    }
}
