import PluginJSON

// The replies a plugin sends on every call write themselves (see `JSONDirectEncodable`): members in sorted key
// order, absent optionals left out, exactly as `encode(to:)` under `PluginJSONEncoder`. Anything rarer (unknown
// fields, artifacts, `valueFrom`) declines, and the encoder takes the `Encodable` route for the whole reply.
// `ReplyDirectEncodingTests` compares both routes byte for byte over generated replies.

extension ExecuteTemplateReply: JSONDirectEncodable {
    /// Writes `{"node":…,"requeue":…}`; declines when there are unknown fields.
    public func writeJSON(to writer: inout JSONDirectWriter) -> Bool {
        guard unknownFields.isEmpty else { return false }
        writer.beginObject()
        if let node {
            writer.key("node")
            guard node.writeJSON(to: &writer) else { return false }
        }
        if let requeue {
            writer.key("requeue")
            writer.string(requeue.description)
        }
        writer.endObject()
        return true
    }
}

extension NodePreExecuteReply: JSONDirectEncodable {
    /// Writes `{"node":…}`; declines when there are unknown fields.
    public func writeJSON(to writer: inout JSONDirectWriter) -> Bool {
        guard unknownFields.isEmpty else { return false }
        writer.beginObject()
        if let node {
            writer.key("node")
            guard node.writeJSON(to: &writer) else { return false }
        }
        writer.endObject()
        return true
    }
}

extension NodeResult: JSONDirectEncodable {
    /// Writes message, outputs, phase and progress; declines when there are unknown fields.
    public func writeJSON(to writer: inout JSONDirectWriter) -> Bool {
        guard unknownFields.isEmpty else { return false }
        writer.beginObject()
        if let message {
            writer.key("message")
            writer.string(message)
        }
        if let outputs {
            writer.key("outputs")
            guard outputs.writeJSON(to: &writer) else { return false }
        }
        if let phase {
            writer.key("phase")
            writer.string(phase.rawValue)
        }
        if let progress {
            writer.key("progress")
            writer.string(progress.rawValue)
        }
        writer.endObject()
        return true
    }
}

extension Outputs: JSONDirectEncodable {
    /// Writes exitCode, parameters and result; declines when there are artifacts or unknown fields.
    public func writeJSON(to writer: inout JSONDirectWriter) -> Bool {
        guard unknownFields.isEmpty, artifacts == nil else { return false }
        writer.beginObject()
        if let exitCode {
            writer.key("exitCode")
            writer.string(exitCode)
        }
        if let parameters {
            writer.key("parameters")
            writer.beginArray()
            for parameter in parameters {
                guard parameter.writeJSON(to: &writer) else { return false }
            }
            writer.endArray()
        }
        if let result {
            writer.key("result")
            writer.string(result)
        }
        writer.endObject()
        return true
    }
}

extension Parameter: JSONDirectEncodable {
    /// Writes every member but `valueFrom`; declines when it or unknown fields are present.
    public func writeJSON(to writer: inout JSONDirectWriter) -> Bool {
        guard unknownFields.isEmpty, valueFrom == nil else { return false }
        writer.beginObject()
        if let `default` {
            writer.key("default")
            writer.string(`default`.string)
        }
        if let description {
            writer.key("description")
            writer.string(description.string)
        }
        if let `enum` {
            writer.key("enum")
            writer.beginArray()
            for choice in `enum` { writer.string(choice.string) }
            writer.endArray()
        }
        if let globalName {
            writer.key("globalName")
            writer.string(globalName)
        }
        writer.key("name")
        writer.string(name)
        if let value {
            writer.key("value")
            writer.string(value.string)
        }
        writer.endObject()
        return true
    }
}
