import PluginJSON

// The replies a plugin sends on every call write themselves (see `JSONDirectEncodable`): members in sorted key
// order, absent optionals left out, exactly as `encode(to:)` under `PluginJSONEncoder`. Anything rarer (unknown
// fields, artifacts, `valueFrom`) declines, and the encoder takes the `Encodable` route for the whole reply.
// `ReplyDirectEncodingTests` compares both routes byte for byte over generated replies.

extension ExecuteTemplateReply: JSONDirectEncodable {
    /// Writes `{"node":…,"requeue":…}`; declines when there are unknown fields.
    package func writeJSON(to writer: inout JSONDirectWriter) -> Bool {
        guard unknownFields.isEmpty else { return false }
        return NodeResult.writeReply(node: node, requeue: requeue, to: &writer)
    }
}

extension NodePreExecuteReply: JSONDirectEncodable {
    /// Writes `{"node":…}`; declines when there are unknown fields.
    package func writeJSON(to writer: inout JSONDirectWriter) -> Bool {
        guard unknownFields.isEmpty else { return false }
        return NodeResult.writeReply(node: node, requeue: nil, to: &writer)
    }
}

extension NodeResult: JSONDirectEncodable {
    /// Writes message, outputs, phase and progress; declines when there are unknown fields.
    package func writeJSON(to writer: inout JSONDirectWriter) -> Bool {
        guard unknownFields.isEmpty else { return false }
        writer.beginObject()
        writer.member("message", message)
        if let outputs {
            writer.key("outputs")
            guard outputs.writeJSON(to: &writer) else { return false }
        }
        writer.member("phase", phase?.rawValue)
        writer.member("progress", progress?.rawValue)
        writer.endObject()
        return true
    }

    /// The shape both node replies share: `{"node":…,"requeue":…}` with absent members left out.
    static func writeReply(node: NodeResult?, requeue: GoDuration?, to writer: inout JSONDirectWriter) -> Bool {
        writer.beginObject()
        if let node {
            writer.key("node")
            guard node.writeJSON(to: &writer) else { return false }
        }
        writer.member("requeue", requeue?.description)
        writer.endObject()
        return true
    }
}

extension Outputs: JSONDirectEncodable {
    /// Writes exitCode, parameters and result; declines when there are artifacts or unknown fields.
    package func writeJSON(to writer: inout JSONDirectWriter) -> Bool {
        guard unknownFields.isEmpty, artifacts == nil else { return false }
        writer.beginObject()
        writer.member("exitCode", exitCode)
        if let parameters {
            writer.key("parameters")
            writer.beginArray()
            for parameter in parameters {
                guard parameter.writeJSON(to: &writer) else { return false }
            }
            writer.endArray()
        }
        writer.member("result", result)
        writer.endObject()
        return true
    }
}

extension Parameter: JSONDirectEncodable {
    /// Writes every member but `valueFrom`; declines when it or unknown fields are present.
    package func writeJSON(to writer: inout JSONDirectWriter) -> Bool {
        guard unknownFields.isEmpty, valueFrom == nil else { return false }
        writer.beginObject()
        writer.member("default", `default`?.string)
        writer.member("description", description?.string)
        if let `enum` {
            writer.key("enum")
            writer.beginArray()
            for choice in `enum` { writer.string(choice.string) }
            writer.endArray()
        }
        writer.member("globalName", globalName)
        writer.key("name")
        writer.string(name)
        writer.member("value", value?.string)
        writer.endObject()
        return true
    }
}
