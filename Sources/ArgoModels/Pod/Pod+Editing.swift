import PluginJSON

extension Pod {
    /// The pod with `key=value` added to its labels.
    public func addingLabel(_ key: String, _ value: String) -> Pod {
        var pod = self
        var metadata = pod.metadata ?? ObjectMeta()
        metadata.labels = (metadata.labels ?? [:]).merging([key: value]) { _, new in new }
        pod.metadata = metadata
        return pod
    }

    /// The pod with `key=value` added to its annotations.
    public func addingAnnotation(_ key: String, _ value: String) -> Pod {
        var pod = self
        var metadata = pod.metadata ?? ObjectMeta()
        metadata.annotations = (metadata.annotations ?? [:]).merging([key: value]) { _, new in new }
        pod.metadata = metadata
        return pod
    }

    /// The pod with `container` (a Kubernetes container object) appended to `spec.containers`, e.g. a sidecar.
    public func addingContainer(_ container: JSONValue) -> Pod {
        var pod = self
        var spec = pod.spec?.objectValue ?? [:]
        var containers = spec["containers"]?.arrayValue ?? []
        containers.append(container)
        spec["containers"] = .array(containers)
        pod.spec = .object(spec)
        return pod
    }
}
