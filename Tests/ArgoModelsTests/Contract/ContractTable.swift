@testable import ArgoModels

/// Every model that mirrors a definition of Argo's plugin swagger, with its sample and deliberate choices.
///
/// `Pod` is not here: neither contract defines it (the SDK's pod hooks are its own); it is covered by round trips.
enum ContractTable {
    /// Template members the models keep in `unknownFields` rather than typing: the kinds of template and
    /// pod-spec details plugins do not read. They survive a round trip untouched.
    static let templateKeptUntyped: Set<String> = [
        "affinity", "archiveLocation", "container", "containerSet", "dag", "data", "executor", "hostAliases", "http",
        "initContainers", "metrics", "podResources", "resource", "resourceClaims", "script", "securityContext",
        "sidecars", "steps", "suspend", "synchronization", "tolerations", "volumes",
    ]

    /// Artifact storage details kept in `unknownFields`.
    static let artifactKeptUntyped: Set<String> = [
        "archive", "artifactGC", "artifactory", "azure", "gcs", "git", "hdfs", "http", "oss", "plugin", "raw", "s3",
    ]

    static let all: [ModelContract] = [
        // Executor RPC.
        .make(
            ExecuteTemplateArgs.self, knownKeys: ExecuteTemplateArgs.knownKeys,
            sample: Samples.executeTemplateArgs
        ),
        .make(
            ExecuteTemplateReply.self, knownKeys: ExecuteTemplateReply.knownKeys,
            sample: Samples.executeTemplateReply
        ),
        // Controller RPCs.
        .make(
            WorkflowPreOperateArgs.self, knownKeys: WorkflowPreOperateArgs.knownKeys,
            sample: Samples.workflowPreOperateArgs
        ),
        .make(
            WorkflowPreOperateReply.self, knownKeys: WorkflowPreOperateReply.knownKeys,
            sample: Samples.workflowPreOperateReply
        ),
        .make(
            WorkflowPostOperateArgs.self, knownKeys: WorkflowPostOperateArgs.knownKeys,
            sample: Samples.workflowPostOperateArgs
        ),
        .make(
            WorkflowPostOperateReply.self, knownKeys: WorkflowPostOperateReply.knownKeys,
            sample: Samples.workflowPostOperateReply
        ),
        .make(
            NodePreExecuteArgs.self, knownKeys: NodePreExecuteArgs.knownKeys,
            sample: Samples.nodePreExecuteArgs
        ),
        .make(
            NodePreExecuteReply.self, knownKeys: NodePreExecuteReply.knownKeys,
            sample: Samples.nodePreExecuteReply
        ),
        .make(
            NodePostExecuteArgs.self, knownKeys: NodePostExecuteArgs.knownKeys,
            sample: Samples.nodePostExecuteArgs
        ),
        .make(
            NodePostExecuteReply.self, knownKeys: NodePostExecuteReply.knownKeys, sample: Samples.nodePostExecuteReply
        ),
        .make(
            ParameterPreSubstitutionArgs.self, knownKeys: ParameterPreSubstitutionArgs.knownKeys,
            sample: Samples.parameterPreSubstitutionArgs
        ),
        .make(
            ParameterPreSubstitutionReply.self, knownKeys: ParameterPreSubstitutionReply.knownKeys,
            sample: Samples.parameterPreSubstitutionReply
        ),
        // Shared objects.
        .make(Workflow.self, knownKeys: Workflow.knownKeys, sample: Samples.workflow),
        .make(ObjectMeta.self, knownKeys: ObjectMeta.knownKeys, sample: Samples.objectMeta),
        .make(OwnerReference.self, knownKeys: OwnerReference.knownKeys, sample: Samples.ownerReference),
        .make(ManagedFieldsEntry.self, knownKeys: ManagedFieldsEntry.knownKeys, sample: Samples.managedFieldsEntry),
        .make(
            Template.self, knownKeys: Template.knownKeys, sample: Samples.template, keptUntyped: templateKeptUntyped
        ),
        .make(Metadata.self, knownKeys: Metadata.knownKeys, sample: Samples.metadata),
        .make(Inputs.self, knownKeys: Inputs.knownKeys, sample: Samples.inputs),
        .make(Outputs.self, knownKeys: Outputs.knownKeys, sample: Samples.outputs),
        .make(
            Parameter.self, knownKeys: Parameter.knownKeys, sample: Samples.parameter,
            extraRequired: [
                "name": "Argo's Go type has `json:\"name\"` without omitempty, so Argo always sends it; a nameless "
                    + "parameter cannot be looked up or substituted."
            ]
        ),
        .make(ValueFrom.self, knownKeys: ValueFrom.knownKeys, sample: Samples.valueFrom),
        .make(
            Artifact.self, knownKeys: Artifact.knownKeys, sample: Samples.artifact, keptUntyped: artifactKeptUntyped
        ),
        .make(RetryStrategy.self, knownKeys: RetryStrategy.knownKeys, sample: Samples.retryStrategy),
        .make(Backoff.self, knownKeys: Backoff.knownKeys, sample: Samples.backoff),
        .make(Memoize.self, knownKeys: Memoize.knownKeys, sample: Samples.memoize),
        .make(NodeResult.self, knownKeys: NodeResult.knownKeys, sample: Samples.nodeResult),
        .make(NodeStatus.self, knownKeys: NodeStatus.knownKeys, sample: Samples.nodeStatus),
        .make(TemplateRef.self, knownKeys: TemplateRef.knownKeys, sample: Samples.templateRef),
        .make(
            MemoizationStatus.self, knownKeys: MemoizationStatus.knownKeys,
            sample: Samples.memoizationStatus
        ),
        .make(
            NodeSynchronizationStatus.self, knownKeys: NodeSynchronizationStatus.knownKeys,
            sample: Samples.nodeSynchronizationStatus
        ),
        .make(NodeFlag.self, knownKeys: NodeFlag.knownKeys, sample: Samples.nodeFlag),
    ]

    /// Each RPC's path and the models of its request and reply.
    static let rpcs: [String: (request: String, response: String)] = [
        "/template.execute": ("ExecuteTemplateArgs", "ExecuteTemplateReply"),
        "/workflow.preOperate": ("WorkflowPreOperateArgs", "WorkflowPreOperateReply"),
        "/workflow.postOperate": ("WorkflowPostOperateArgs", "WorkflowPostOperateReply"),
        "/node.preExecute": ("NodePreExecuteArgs", "NodePreExecuteReply"),
        "/node.postExecute": ("NodePostExecuteArgs", "NodePostExecuteReply"),
        "/parameters.add": ("ParameterPreSubstitutionArgs", "ParameterPreSubstitutionReply"),
    ]
}
