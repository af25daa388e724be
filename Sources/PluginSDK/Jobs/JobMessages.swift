import ArgoModels

/// The node messages of the job loop, in one place.
enum JobMessages {
    static let starting = "the job is starting"

    static let shuttingDown = "the plugin is shutting down and starts no job"

    static let interrupted = """
        the plugin restarted while starting this job: the job may have started, but its handle was never recorded, \
        so the plugin does not start it again. Check the service for a job of this workflow and template; a retry \
        of the node starts a new one
        """

    static func cancelled(_ reason: JobCancelReason) -> String {
        "the job was cancelled: \(reason)"
    }

    static func startFailed(_ error: any Error) -> String {
        "the job could not start: \(error)"
    }

    static func notRecorded(_ error: any Error) -> String {
        "the job could not be recorded in the state directory, so it was not started: \(error)"
    }

    static func handleNotEncodable(_ error: any Error) -> String {
        "the job started, but its handle cannot be encoded as JSON (\(error)): the plugin cannot poll or cancel it"
    }

    static func badTimeout(_ text: String) -> String {
        "template.timeout \"\(text)\" is not a duration (a Go duration such as 30m, or whole seconds); the job was not started"
    }

    static func timedOut(_ timeout: GoDuration, cancelError: String?) -> String {
        let base = "the job did not finish within the template's timeout (\(timeout)) and was cancelled"
        return cancelError.map { base + "; cancelling it failed: \($0)" } ?? base
    }

    static func pollFailed(_ error: String, cancelError: String?) -> String {
        let base = "polling the job failed: \(error); the job was cancelled"
        return cancelError.map { base + ", but cancelling it failed: \($0)" } ?? base
    }
}
