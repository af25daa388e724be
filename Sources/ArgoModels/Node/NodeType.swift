/// The kind of a node in a workflow's graph, spelled exactly as Argo spells it.
///
/// A type this SDK does not know decodes as ``unknown(_:)`` and re-encodes unchanged.
///
/// ```swift
/// NodeType(rawValue: "Plugin")  // .plugin
/// ```
public enum NodeType: Sendable, Hashable, Codable, RawRepresentable, CaseIterable, CustomStringConvertible {
    /// `Pod`: a container template run in a pod.
    case pod
    /// `Container`: one container of a container set.
    case container
    /// `Steps`: a steps template.
    case steps
    /// `StepGroup`: one parallel group of steps.
    case stepGroup
    /// `DAG`: a DAG template.
    case dag
    /// `TaskGroup`: a group of DAG tasks.
    case taskGroup
    /// `Retry`: the parent of a retried node's attempts.
    case retry
    /// `Skipped`: a node that was skipped.
    case skipped
    /// `Suspend`: a suspend template.
    case suspend
    /// `HTTP`: an HTTP template.
    case http
    /// `Plugin`: an executor plugin template.
    case plugin
    /// A type this SDK does not know, kept as sent.
    case unknown(String)

    /// The types Argo defines today (without ``unknown(_:)``).
    public static let allCases: [NodeType] = [
        .pod, .container, .steps, .stepGroup, .dag, .taskGroup, .retry, .skipped, .suspend, .http, .plugin,
    ]

    /// The type spelled `rawValue`; any other text becomes ``unknown(_:)``.
    public init(rawValue: String) {
        switch rawValue {
        case "Pod": self = .pod
        case "Container": self = .container
        case "Steps": self = .steps
        case "StepGroup": self = .stepGroup
        case "DAG": self = .dag
        case "TaskGroup": self = .taskGroup
        case "Retry": self = .retry
        case "Skipped": self = .skipped
        case "Suspend": self = .suspend
        case "HTTP": self = .http
        case "Plugin": self = .plugin
        default: self = .unknown(rawValue)
        }
    }

    /// Argo's spelling, e.g. `"StepGroup"`.
    public var rawValue: String {
        switch self {
        case .pod: return "Pod"
        case .container: return "Container"
        case .steps: return "Steps"
        case .stepGroup: return "StepGroup"
        case .dag: return "DAG"
        case .taskGroup: return "TaskGroup"
        case .retry: return "Retry"
        case .skipped: return "Skipped"
        case .suspend: return "Suspend"
        case .http: return "HTTP"
        case .plugin: return "Plugin"
        case .unknown(let text): return text
        }
    }

    /// Argo's spelling.
    public var description: String { rawValue }

    /// Decodes any JSON string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes Argo's spelling, or the unknown text unchanged.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Equal when spelled the same, so `.unknown("Pod")` equals `.pod`.
    public static func == (lhs: NodeType, rhs: NodeType) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    /// Hashes the spelling, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }
}
