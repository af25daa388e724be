import ArgoModels

/// Serves `pod.preCreate`: add labels, annotations or a sidecar to a pod before it is created, or refuse it.
///
/// Argo's plugin design lists a pod lifecycle hook, but no Argo release calls it and Argo never gave it a wire
/// name: `pod.preCreate` is this SDK's name, for a controller that does. Adopt it only if yours does.
///
/// ```swift
/// struct Labeller: PodPreCreateHook {
///     func podPreCreate(_ args: PodPreCreateArgs, context: PluginContext) async throws -> PodPreCreateReply {
///         .create(args.pod.addingLabel("team", "data"))
///     }
/// }
/// ```
public protocol PodPreCreateHook: Plugin {
    /// `pod.preCreate` (this SDK's name): change or refuse a pod before it is created.
    func podPreCreate(_ args: PodPreCreateArgs, context: PluginContext) async throws -> PodPreCreateReply
}
