/// A `Decoder` that hands over the members of the object it holds as `JSONValue`s in one call.
///
/// `PluginJSONDecoder`'s decoders conform. A model that keeps the members it does not type can ask for them
/// through this protocol instead of `container(keyedBy: AnyCodingKey.self).allKeys`: the standard library's
/// `allKeys` converts the key array twice, with a dynamic cast per key, which on the request path costs more than
/// decoding the members themselves.
///
/// ```swift
/// if let fast = decoder as? any JSONMembersDecoder {
///     unknownFields = try fast.jsonMembers(excluding: Self.knownKeys)
/// }
/// ```
package protocol JSONMembersDecoder: Decoder {
    /// The members of the current object whose keys are not in `known`.
    ///
    /// - Throws: `DecodingError.typeMismatch` when the current value is not an object.
    func jsonMembers(excluding known: JSONKnownKeys) throws -> [String: JSONValue]
}

extension TapeDecoder: JSONMembersDecoder {
    func jsonMembers(excluding known: JSONKnownKeys) throws -> [String: JSONValue] {
        let tape = storage.tape
        guard tape.tokens[index].kind == .object else {
            throw storage.mismatch([String: JSONValue].self, "an object", at: index)
        }
        var members: [String: JSONValue] = [:]
        try tape.forEachMember(of: index) { key, value in
            let token = tape.tokens[key]
            // A key without escapes is its raw bytes: known ones are recognised without building a String.
            if token.kind == .string, known.contains(utf8: tape.bytes[Int(token.start)..<Int(token.start + token.length)]) {
                return
            }
            let name = tape.string(at: key)
            if !known.contains(name) { members[name] = try storage.jsonValue(at: value) }
        }
        return members
    }
}
