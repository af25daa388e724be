import ArgoModels

/// What the SDK knows about one job, written to the state file whenever it changes.
struct JobRecord: Codable, Sendable {
    enum State: String, Codable, Sendable {
        /// `start` was called and has not returned: the intent is on disk, the handle is not.
        case starting
        /// `start` returned ``JobRecord/handle``: poll it.
        case running
        /// The job ended; ``JobRecord/reply`` is its answer.
        case finished
    }

    var state: State
    /// The plugin's `JobHandle` as JSON, once `start` returned it.
    var handle: JSONValue?
    /// The answer of a finished job.
    var reply: ExecuteTemplateReply?
    /// Whether a finished job's answer was sent to Argo. A failure is answered once: the next call with the same
    /// key after the duplicate window (a retry of the node) starts a new job.
    var answered: Bool = false
    /// `namespace/name` of the workflow and the template's name, for logs.
    var workflow: String
    var template: String
    /// When the job was started and when it finished, in seconds since the Unix epoch.
    var startedAt: Double
    var finishedAt: Double?
    /// The template's timeout as written, and the time it passes (seconds since the Unix epoch).
    var timeout: String?
    var deadline: Double?

    /// Whether the job ended well (its answer is kept for the TTL).
    var succeeded: Bool { reply?.node?.phase == .succeeded }
}
