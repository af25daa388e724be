/// The condition of a node, spelled exactly as Argo spells it.
///
/// Argo adds phases over time; a phase this SDK does not know decodes as ``unknown(_:)`` and re-encodes
/// unchanged, so a newer controller never fails a request.
///
/// ```swift
/// let phase = NodePhase(rawValue: "Succeeded")  // .succeeded
/// phase.isTerminal                             // true
/// ```
public enum NodePhase: Sendable, Hashable, Codable, RawRepresentable, CaseIterable, CustomStringConvertible {
    /// `Pending`: the node is waiting to run.
    case pending
    /// `Running`: the node is running.
    case running
    /// `Succeeded`: the node finished successfully.
    case succeeded
    /// `Skipped`: the node was skipped (for example by a `when` condition).
    case skipped
    /// `Failed`: the node's work failed.
    case failed
    /// `Error`: something outside the node's work went wrong.
    case error
    /// `Omitted`: the node was not scheduled (for example an unreached DAG dependency).
    case omitted
    /// A phase this SDK does not know, kept as sent.
    case unknown(String)

    /// The phases Argo defines today (without ``unknown(_:)``).
    public static let allCases: [NodePhase] = [.pending, .running, .succeeded, .skipped, .failed, .error, .omitted]

    /// The phase spelled `rawValue`; any other text becomes ``unknown(_:)``.
    public init(rawValue: String) {
        switch rawValue {
        case "Pending": self = .pending
        case "Running": self = .running
        case "Succeeded": self = .succeeded
        case "Skipped": self = .skipped
        case "Failed": self = .failed
        case "Error": self = .error
        case "Omitted": self = .omitted
        default: self = .unknown(rawValue)
        }
    }

    /// Argo's spelling, e.g. `"Succeeded"`.
    public var rawValue: String {
        switch self {
        case .pending: return "Pending"
        case .running: return "Running"
        case .succeeded: return "Succeeded"
        case .skipped: return "Skipped"
        case .failed: return "Failed"
        case .error: return "Error"
        case .omitted: return "Omitted"
        case .unknown(let text): return text
        }
    }

    /// Whether the node has finished: Succeeded, Failed, Error, Skipped or Omitted (Argo's `Fulfilled`).
    public var isTerminal: Bool {
        switch self {
        case .succeeded, .failed, .error, .skipped, .omitted: return true
        case .pending, .running, .unknown: return false
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

    /// Equal when spelled the same, so `.unknown("Running")` equals `.running`.
    public static func == (lhs: NodePhase, rhs: NodePhase) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    /// Hashes the spelling, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }
}
