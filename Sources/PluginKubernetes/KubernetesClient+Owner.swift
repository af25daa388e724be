import PluginSDK

extension OwnerReference {
    /// A reference to a workflow as the owner of an object the plugin creates, so the object is deleted with the
    /// workflow: `apiVersion: argoproj.io/v1alpha1`, `kind: Workflow`, the name and uid.
    public static func workflow(name: String, uid: String, controller: Bool? = nil) -> OwnerReference {
        OwnerReference(apiVersion: "argoproj.io/v1alpha1", kind: "Workflow", name: name, uid: uid, controller: controller)
    }
}

extension KubernetesClient {
    /// The owner reference to the call's workflow as JSON, ready for `metadata.ownerReferences`.
    ///
    /// - Throws: ``KubernetesError`` when the call names no workflow or Argo sent no uid.
    public func ownerReference(for context: PluginContext) throws -> JSONValue {
        guard !context.workflowName.isEmpty, let uid = context.workflowUID, !uid.isEmpty else {
            throw KubernetesError(
                status: 0, reason: nil, verb: "create", resource: "ownerReferences", namespace: context.namespace,
                description: "the call carries no workflow name and uid to own the object")
        }
        let reference = OwnerReference.workflow(name: context.workflowName, uid: uid)
        return try PluginJSONDecoder().decode(JSONValue.self, from: PluginJSONEncoder().encode(reference))
    }
}
