@testable import ArgoModels

/// Every model of the package, with its full sample (from ``Samples``) and, for the models that write themselves,
/// the sample their writer accepts.
///
/// `ModelFieldTests` checks that this table lists every public `Codable` struct of `Sources/ArgoModels` but the
/// single-value types, so a new model cannot be left out.
enum ModelFieldTable {
    /// Value types that encode as one JSON string, not as an object with members.
    static let singleValues: Set<String> = ["AnyString", "GoDuration", "NodeProgress"]

    static let all: [ModelFields] = [
        // Executor RPC.
        .model(
            ExecuteTemplateArgs.self, keys: ExecuteTemplateArgs.CodingKeys.self, sample: Samples.executeTemplateArgs),
        .model(
            ExecuteTemplateReply.self, keys: ExecuteTemplateReply.CodingKeys.self, sample: Samples.executeTemplateReply,
            writerSample: ExecuteTemplateReply(node: WriterSamples.nodeResult, requeue: .seconds(30))),
        // Controller RPCs.
        .model(
            WorkflowPreOperateArgs.self, keys: WorkflowPreOperateArgs.CodingKeys.self,
            sample: Samples.workflowPreOperateArgs),
        .model(
            WorkflowPreOperateReply.self, keys: WorkflowPreOperateReply.CodingKeys.self,
            sample: Samples.workflowPreOperateReply),
        .model(
            WorkflowPostOperateArgs.self, keys: WorkflowPostOperateArgs.CodingKeys.self,
            sample: Samples.workflowPostOperateArgs),
        .keepingEverything(WorkflowPostOperateReply.self, sample: Samples.workflowPostOperateReply),
        .model(NodePreExecuteArgs.self, keys: NodePreExecuteArgs.CodingKeys.self, sample: Samples.nodePreExecuteArgs),
        .model(
            NodePreExecuteReply.self, keys: NodePreExecuteReply.CodingKeys.self, sample: Samples.nodePreExecuteReply,
            writerSample: NodePreExecuteReply(node: WriterSamples.nodeResult)),
        .model(
            NodePostExecuteArgs.self, keys: NodePostExecuteArgs.CodingKeys.self, sample: Samples.nodePostExecuteArgs),
        .keepingEverything(NodePostExecuteReply.self, sample: Samples.nodePostExecuteReply),
        .model(
            ParameterPreSubstitutionArgs.self, keys: ParameterPreSubstitutionArgs.CodingKeys.self,
            sample: Samples.parameterPreSubstitutionArgs),
        .model(
            ParameterPreSubstitutionReply.self, keys: ParameterPreSubstitutionReply.CodingKeys.self,
            sample: Samples.parameterPreSubstitutionReply),
        // The SDK's pod hooks.
        .model(Pod.self, keys: Pod.CodingKeys.self, sample: Samples.pod),
        .model(PodPreCreateArgs.self, keys: PodPreCreateArgs.CodingKeys.self, sample: Samples.podPreCreateArgs),
        .model(PodPreCreateReply.self, keys: PodPreCreateReply.CodingKeys.self, sample: Samples.podPreCreateReply),
        .derived(PodRefusal.self, sample: Samples.podRefusal),
        .keepingEverything(PodPostCreateReply.self, sample: Samples.podPostCreateReply),
        // Workflows and Kubernetes objects.
        .model(Workflow.self, keys: Workflow.CodingKeys.self, sample: Samples.workflow),
        .model(ObjectMeta.self, keys: ObjectMeta.CodingKeys.self, sample: Samples.objectMeta),
        .model(OwnerReference.self, keys: OwnerReference.CodingKeys.self, sample: Samples.ownerReference),
        .model(ManagedFieldsEntry.self, keys: ManagedFieldsEntry.CodingKeys.self, sample: Samples.managedFieldsEntry),
        // Templates.
        .model(Template.self, keys: Template.CodingKeys.self, sample: Samples.template),
        .model(Metadata.self, keys: Metadata.CodingKeys.self, sample: Samples.metadata),
        .model(Inputs.self, keys: Inputs.CodingKeys.self, sample: Samples.inputs),
        .model(
            Outputs.self, keys: Outputs.CodingKeys.self, sample: Samples.outputs, writerSample: WriterSamples.outputs,
            declined: ["artifacts"]),
        .model(
            Parameter.self, keys: Parameter.CodingKeys.self, sample: Samples.parameter,
            writerSample: WriterSamples.parameter, declined: ["valueFrom"]),
        .model(ValueFrom.self, keys: ValueFrom.CodingKeys.self, sample: Samples.valueFrom),
        .model(Artifact.self, keys: Artifact.CodingKeys.self, sample: Samples.artifact),
        .model(RetryStrategy.self, keys: RetryStrategy.CodingKeys.self, sample: Samples.retryStrategy),
        .model(Backoff.self, keys: Backoff.CodingKeys.self, sample: Samples.backoff),
        .model(Memoize.self, keys: Memoize.CodingKeys.self, sample: Samples.memoize),
        // Nodes.
        .model(
            NodeResult.self, keys: NodeResult.CodingKeys.self, sample: Samples.nodeResult,
            writerSample: WriterSamples.nodeResult),
        .model(NodeStatus.self, keys: NodeStatus.CodingKeys.self, sample: Samples.nodeStatus),
        .model(TemplateRef.self, keys: TemplateRef.CodingKeys.self, sample: Samples.templateRef),
        .model(NodeFlag.self, keys: NodeFlag.CodingKeys.self, sample: Samples.nodeFlag),
        .model(MemoizationStatus.self, keys: MemoizationStatus.CodingKeys.self, sample: Samples.memoizationStatus),
        .model(
            NodeSynchronizationStatus.self, keys: NodeSynchronizationStatus.CodingKeys.self,
            sample: Samples.nodeSynchronizationStatus),
    ]
}

/// The full samples less what the direct writers decline (artifacts, `valueFrom`): what the writers must write
/// exactly as `encode(to:)` does.
enum WriterSamples {
    static let parameter: Parameter = {
        var parameter = Samples.parameter
        parameter.valueFrom = nil
        return parameter
    }()

    static let outputs = Outputs(parameters: [parameter], result: "ok", exitCode: "0")

    static let nodeResult: NodeResult = {
        var node = Samples.nodeResult
        node.outputs = outputs
        return node
    }()
}
