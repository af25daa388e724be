/// A fast JSON encoder for `Encodable` types, writing UTF-8 bytes without Foundation.
///
/// The output is compact and deterministic: object keys sorted by their UTF-8 bytes, `/` not escaped, non-ASCII
/// written as UTF-8, only `"`, `\` and control characters escaped. Integral doubles below 2^53 are written without
/// a fraction (`1`, not `1.0`), like Go's `encoding/json`. Of a key written twice into one object, the last value
/// wins, so the output never has duplicate keys.
///
/// ```swift
/// let body: [UInt8] = try PluginJSONEncoder().encode(reply)
/// ```
package struct PluginJSONEncoder: Sendable {
    /// The deepest nesting of arrays and objects written; deeper values fail with `EncodingError.invalidValue`.
    package var maxDepth: Int

    /// Values handed to `Encodable` implementations through `Encoder.userInfo`.
    package var userInfo: [CodingUserInfoKey: any Sendable]

    /// Whether ``JSONDirectEncodable`` values write themselves (the default); tests turn it off to compare the
    /// output with the `Encodable` route.
    var usesDirectEncoding = true

    /// An encoder with the default limits.
    package init(maxDepth: Int = 512, userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.maxDepth = maxDepth
        self.userInfo = userInfo
    }

    /// Encodes `value` as a JSON document.
    ///
    /// - Throws: `EncodingError.invalidValue` for NaN or infinite numbers and for nesting deeper than `maxDepth`.
    package func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        // Direct writers nest a few levels at most; a tiny `maxDepth` must still fail as the `Encodable` route does.
        if usesDirectEncoding, maxDepth >= 16, let direct = value as? any JSONDirectEncodable {
            var writer = JSONDirectWriter(capacity: 256)
            if direct.writeJSON(to: &writer) { return writer.bytes }
        }
        var plain: [CodingUserInfoKey: Any] = [:]
        for (key, entry) in userInfo { plain[key] = entry }
        let state = EncoderState(maxDepth: maxDepth, userInfo: plain)
        try state.encodeValue(value, depth: 0)
        return state.finish()
    }
}

extension PluginJSONEncoder {
    /// The bytes a reply that writes itself writes, or `nil` when it declines (the caller then encodes it through
    /// ``encode(_:)``). Called with the reply's concrete type, it skips `encode(_:)`'s dynamic check for
    /// ``JSONDirectEncodable`` and the box the check puts the reply in.
    package static func directBytes<T: JSONDirectEncodable>(_ value: T) -> [UInt8]? {
        var writer = JSONDirectWriter(capacity: 256)
        return value.writeJSON(to: &writer) ? writer.bytes : nil
    }
}

extension JSONValue {
    /// The value as compact JSON text (keys sorted, the rules of `PluginJSONEncoder`).
    ///
    /// - Throws: `EncodingError.invalidValue` for a NaN or infinite `.number` and nesting deeper than `maxDepth`.
    package func serialized(maxDepth: Int = 512) throws -> [UInt8] {
        var writer = JSONWriter()
        try writer.append(self, maxDepth: maxDepth, path: { [] })
        return writer.bytes
    }
}
