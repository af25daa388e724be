import Logging
import PluginHTTP
import PluginSDK

/// The batch service's API, over the SDK's `ServiceClient` (PluginHTTP): submit, read, cancel.
///
/// Statuses 429, 502, 503 and 504, timeouts and connection errors become `TransientError` (Argo retries the call);
/// other refusals become `ServiceError`, whose message names the service, the request and the status.
public struct BatchService: Sendable {
    let client: ServiceClient

    /// A client for the service at `url`, with the bearer token in `tokenFile` if given.
    public init(url: String, tokenFile: String? = nil) throws {
        let auth: ServiceAuth = tokenFile.map { .bearerTokenFile($0) } ?? .none
        client = try ServiceClient(url, configuration: ServiceConfiguration(name: "the batch service", auth: auth))
    }

    /// Submits a job. `key` (the SDK's idempotency key) goes in the `Idempotency-Key` header, so a service that
    /// honours it never runs the same submission twice either.
    func submit(_ submission: BatchSubmission, key: String, context: PluginContext) async throws -> BatchJobID {
        let request = try ServiceRequest(.post, "/jobs", headers: [("Idempotency-Key", key)], json: submission)
        return try await client.json(request, as: BatchJobID.self, context: context)
    }

    /// Reads a job's state.
    func state(of id: String, context: PluginContext) async throws -> BatchJobState {
        try await client.get("/jobs/\(id)", as: BatchJobState.self, context: context)
    }

    /// Cancels a job; a job the service no longer knows counts as cancelled. Called without a plugin call (on
    /// shutdown, or for a job Argo stopped asking about), so it is bounded by the client's own timeout.
    func cancel(_ id: String, logger: Logger) async throws {
        let response = try await client.send(ServiceRequest(.delete, "/jobs/\(id)"), logger: logger)
        guard response.isSuccess || response.status == 404 else {
            throw ServiceError(
                kind: .refused, service: client.name, status: response.status,
                description: "the batch service answered DELETE /jobs/\(id) with \(response.status)")
        }
    }
}
