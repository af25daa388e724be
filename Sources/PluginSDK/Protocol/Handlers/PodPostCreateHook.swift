import ArgoModels

/// Serves `pod.postCreate`: observe a pod after it was created.
///
/// Argo's plugin design lists a pod lifecycle hook, but no Argo release calls it and Argo never gave it a wire
/// name: `pod.postCreate` is this SDK's name, for a controller that does. Adopt it only if yours does.
///
/// ```swift
/// struct PodLog: PodPostCreateHook {
///     func podPostCreate(_ args: PodPostCreateArgs, context: PluginContext) async throws -> PodPostCreateReply {
///         context.logger.info("pod created", metadata: ["pod": "\(args.pod.metadata?.name ?? "?")"])
///         return PodPostCreateReply()
///     }
/// }
/// ```
public protocol PodPostCreateHook: Plugin {
    /// `pod.postCreate` (this SDK's name): observe a pod after it was created.
    func podPostCreate(_ args: PodPostCreateArgs, context: PluginContext) async throws -> PodPostCreateReply
}
