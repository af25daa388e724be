import ArgoModels
import PluginJSON

/// A plugin's `JobHandle` to and from the JSON value the job's record keeps.
enum JobHandleCoding {
    static func encode<Handle: Encodable>(_ handle: Handle) throws -> JSONValue {
        try WireJSON.decode(JSONValue.self, from: WireJSON.encode(handle))
    }

    static func decode<Handle: Decodable>(_ type: Handle.Type, from value: JSONValue) throws -> Handle {
        try WireJSON.decode(type, from: value.serialized())
    }
}
