/// What the batch service's API exchanges (JSON).
///
/// | request | reply |
/// |---|---|
/// | `POST /jobs` with a ``BatchSubmission`` and an `Idempotency-Key` header | 2xx with ``BatchJobID`` |
/// | `GET /jobs/{id}` | 2xx with ``BatchJobState`` |
/// | `DELETE /jobs/{id}` | 2xx, or 404 when the service no longer knows the job |
public struct BatchSubmission: Codable, Sendable, Equatable {
    /// `namespace/workflow/template`, for the service's own listing.
    public var name: String
    /// The command to run.
    public var command: [String]
    /// The queue to run it on.
    public var queue: String

    /// A submission.
    public init(name: String, command: [String], queue: String) {
        self.name = name
        self.command = command
        self.queue = queue
    }
}

/// The service's answer to a submission.
public struct BatchJobID: Codable, Sendable, Equatable {
    /// The job's ID.
    public var id: String

    /// An answer.
    public init(id: String) {
        self.id = id
    }
}

/// Where a job is, as the service reports it.
public struct BatchJobState: Codable, Sendable, Equatable {
    /// `queued`, `running`, `succeeded`, `failed` or `cancelled`.
    public var state: String
    /// A line for humans.
    public var message: String?
    /// What a finished job printed.
    public var output: String?

    /// A state.
    public init(state: String, message: String? = nil, output: String? = nil) {
        self.state = state
        self.message = message
        self.output = output
    }
}
