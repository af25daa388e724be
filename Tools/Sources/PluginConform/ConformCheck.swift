/// The outcome of one check: passed, or failed with the reason, what was sent and what came back.
public struct ConformCheck: Sendable, Hashable, Codable {
    /// A stable identifier for scripts and CI, e.g. `token-before-body`.
    public var id: String
    /// What the check requires, as a sentence.
    public var name: String
    /// Whether the plugin met the requirement.
    public var passed: Bool
    /// Why it failed, and what that does in Argo.
    public var problem: String?
    /// What conform sent.
    public var sent: String?
    /// What the plugin answered (or why there was no answer).
    public var received: String?

    /// A passed or failed check.
    public init(
        id: String, name: String, passed: Bool, problem: String? = nil, sent: String? = nil, received: String? = nil
    ) {
        self.id = id
        self.name = name
        self.passed = passed
        self.problem = problem
        self.sent = sent
        self.received = received
    }

    /// Judges one exchange: `problem` is the verdict (`nil` passes).
    init(_ id: String, _ name: String, _ exchange: Exchange, problem: String?) {
        self.init(
            id: id, name: name, passed: problem == nil, problem: problem, sent: exchange.sent,
            received: exchange.received)
    }
}
