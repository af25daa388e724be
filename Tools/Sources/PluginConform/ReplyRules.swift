import Foundation
import PluginSDKTesting

/// Argo's rules for replies, as its Go client decodes them and its agent acts on them
/// (`workflow/util/plugin/plugin.go`, `workflow/executor/agent.go`).
///
/// Types are checked by decoding with ArgoModels, whose every field the SDK's contract tests hold to Argo's
/// swagger: a member of the wrong JSON type fails, as it fails Go's decoder, and Argo then errors the node.
enum ReplyRules {
    /// The reply decoded as `T`, or why Go's decoder would fail on it too. A `null` body decodes as `{}`, as it
    /// does in Go.
    static func decode<T: Decodable>(_ type: T.Type, from body: [UInt8]) -> Result<T, Mismatch> {
        let trimmed = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            return .failure(Mismatch("an empty body: Go's decoder fails with EOF and Argo errors the node"))
        }
        let bytes = trimmed == "null" ? Array("{}".utf8) : body
        do {
            return .success(try JSONDecoder().decode(type, from: Data(bytes)))
        } catch let error as DecodingError {
            return .failure(Mismatch("not a \(type) as Argo's swagger types it: \(describe(error))"))
        } catch {
            return .failure(Mismatch("not JSON: \(error)"))
        }
    }

    /// A reason a reply does not decode.
    struct Mismatch: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// `at node.message: expected a string`, from Foundation's error.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "the top level" : String(keys.drop { $0 == "." })
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "at \(path(context)): expected \(kind(type)), \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "at \(path(context)): expected \(kind(type)), found null"
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "\(key.stringValue) is required\(parent == "the top level" ? "" : " in \(parent)")"
        case .dataCorrupted(let context):
            let reason = context.underlyingError.map { "\($0)" } ?? context.debugDescription
            return "at \(path(context)): \(reason)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "a boolean"
        case is Int.Type, is Int64.Type, is Double.Type: return "a number"
        case is [Any].Type: return "an array"
        default: return "\(type)"
        }
    }

    /// Why `node` would leave Argo's node stuck, or `nil`: Argo's agent reports a node only when it has a phase,
    /// and its controller knows only its own phases.
    static func phaseProblem(_ node: NodeResult) -> String? {
        guard let phase = node.phase, !phase.rawValue.isEmpty else {
            return "the node has no phase: Argo's agent reports nothing for it, so the node stays Pending (or is "
                + "only called again on a requeue)"
        }
        if case .unknown(let raw) = phase {
            return
                "the phase '\(raw)' is not one of Argo's (\(NodePhase.allCases.map(\.rawValue).joined(separator: ", "))): "
                + "the controller cannot act on it and the node never completes"
        }
        return nil
    }

    /// Why a failed node's reply leaves the user without a reason, or `nil`.
    static func messageProblem(_ node: NodeResult) -> String? {
        guard let phase = node.phase, phase == .failed || phase == .error else { return nil }
        return (node.message ?? "").trimmingCharacters(in: .whitespaces).isEmpty
            ? "phase \(phase) without a message: Argo's UI and `argo get` show no reason" : nil
    }

    /// Why `reply`'s requeue breaks Argo's agent's loop, or `nil`: after Succeeded it is ignored, after Failed or
    /// Error it calls the plugin again, and without one a Pending or Running node is never called again.
    /// An unknown phase is left to ``phaseProblem(_:)``.
    static func requeueProblem(_ reply: ExecuteTemplateReply) -> String? {
        guard let phase = reply.node?.phase, NodePhase.allCases.contains(phase) else { return nil }
        let requeue = reply.requeue?.nanoseconds ?? 0
        if phase.isTerminal, let given = reply.requeue, requeue > 0 {
            return "final phase \(phase) with requeue \(given): "
                + (phase == .succeeded
                    ? "Argo ignores it, but it says the plugin is not done"
                    : "Argo's agent calls the plugin again after it, for a node that has finished")
        }
        if !phase.isTerminal, requeue <= 0 {
            return "phase \(phase) without a positive requeue: Argo's agent never calls the plugin again and the node "
                + "stays \(phase) until the workflow's deadline"
        }
        return nil
    }

    /// Members of `reply` that Argo's swagger does not declare (Argo ignores them; often a misspelling).
    static func undeclared(in reply: ExecuteTemplateReply) -> [String] {
        var paths = reply.unknownFields.keys.map { $0 }
        if let node = reply.node {
            paths += node.unknownFields.keys.map { "node.\($0)" }
            if let outputs = node.outputs {
                paths += outputs.unknownFields.keys.map { "node.outputs.\($0)" }
                for (index, parameter) in (outputs.parameters ?? []).enumerated() {
                    paths += parameter.unknownFields.keys.map { "node.outputs.parameters[\(index)].\($0)" }
                }
            }
        }
        return paths.sorted()
    }
}
