import ArgoModels

/// Where a job stands, as ``JobPlugin/poll(_:context:)`` reports it.
///
/// ```swift
/// return .running(message: "3 of 8 stages done", requeueAfter: .seconds(30))
/// return .succeeded(message: "built", outputs: Outputs().parameter("image", image))
/// return .failed("the build failed at stage 4")
/// ```
public enum JobStatus: Sendable, Hashable {
    /// Still going: the node stays `Running` with `message`, and Argo calls again after `requeueAfter`
    /// (``JobPlugin/pollInterval`` when `nil`, and never later than the template's `timeout`).
    case running(message: String? = nil, requeueAfter: GoDuration? = nil)
    /// Done: the node succeeds with `message` and `outputs`.
    case succeeded(message: String? = nil, outputs: Outputs? = nil)
    /// Done, badly: the node fails; `message` says why and is shown in Argo's UI.
    case failed(_ message: String, outputs: Outputs? = nil)
}
