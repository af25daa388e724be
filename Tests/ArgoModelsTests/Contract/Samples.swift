@testable import ArgoModels

/// Fully populated instances, one per model: every typed member set, with values Argo could send.
///
/// The contract tests encode them, and the field tests (`ModelFieldTests`) check through them that every member
/// of a model is decoded, encoded and known to the fast paths; those tests fail while a sample leaves a member
/// `nil`, so a new member has to be set here.
enum Samples {
    static let ownerReference = OwnerReference(
        apiVersion: "argoproj.io/v1alpha1", kind: "CronWorkflow", name: "nightly",
        uid: "0b1e6a52-9d0c-4c6f-8e3e-7b4b1d2c9f10", controller: true, blockOwnerDeletion: true
    )

    static let managedFieldsEntry = ManagedFieldsEntry(
        manager: "workflow-controller", operation: "Update", apiVersion: "argoproj.io/v1alpha1",
        time: "2026-10-27T09:15:41Z", fieldsType: "FieldsV1", fieldsV1: ["f:status": [:]], subresource: "status"
    )

    static let objectMeta = ObjectMeta(
        name: "ci-pipeline-7x2kq", generateName: "ci-pipeline-", namespace: "argo",
        uid: "3f1c9a7e-5b2d-4e8a-9c61-0d4b7e2f8a15", resourceVersion: "48213377", generation: 7,
        creationTimestamp: "2026-10-27T09:14:03Z", deletionTimestamp: "2026-10-27T10:00:00Z",
        deletionGracePeriodSeconds: 30, labels: ["team": "platform"], annotations: ["example.com/owner": "platform"],
        ownerReferences: [ownerReference], finalizers: ["workflows.argoproj.io/artifact-gc"],
        managedFields: [managedFieldsEntry], selfLink: "/apis/argoproj.io/v1alpha1/namespaces/argo/workflows/x",
        clusterName: "prod"
    )

    static let workflow = Workflow(metadata: objectMeta)

    static let valueFrom = ValueFrom(
        path: "/tmp/out", jsonPath: "{.status.phase}", jqFilter: ".items[0]", event: "payload.ref",
        parameter: "{{steps.a.outputs.parameters.x}}", expression: "tasks.a.outputs.result", default: "none",
        supplied: [:], configMapKeyRef: ["name": "settings", "key": "region"]
    )

    static let parameter = Parameter(
        name: "environment", value: "staging", default: "dev", description: "Deployment target",
        enum: ["dev", "staging", "prod"], globalName: "env", valueFrom: valueFrom
    )

    static let artifact = Artifact(
        name: "report", path: "/tmp/report.xml", mode: 0o644, from: "{{steps.a.outputs.artifacts.report}}",
        fromExpression: "tasks.a.outputs.artifacts.report", globalName: "report", optional: true,
        subPath: "junit", archiveLogs: false, recurseMode: true, deleted: false
    )

    static let inputs = Inputs(parameters: [parameter], artifacts: [artifact])

    static let outputs = Outputs(parameters: [parameter], artifacts: [artifact], result: "ok", exitCode: "0")

    static let metadata = Metadata(labels: ["step": "build"], annotations: ["example.com/step": "build"])

    static let backoff = Backoff(duration: "5s", factor: 2, maxDuration: "1m", cap: "30s")

    static let retryStrategy = RetryStrategy(
        limit: "{{inputs.parameters.attempts}}", retryPolicy: "OnError", backoff: backoff,
        expression: "lastRetry.status == \"Error\"", affinity: ["nodeAntiAffinity": [:]]
    )

    static let memoize = Memoize(key: "{{inputs.parameters.x}}", maxAge: "1h", cache: ["configMap": ["name": "memo"]])

    static let template = Template(
        name: "notify", inputs: inputs, outputs: outputs, metadata: metadata,
        plugin: ["hello": ["channel": "#ci", "retries": 3]], annotations: ["example.com/a": "b"],
        nodeSelector: ["kubernetes.io/arch": "amd64"], timeout: "30s", activeDeadlineSeconds: 300,
        retryStrategy: retryStrategy, serviceAccountName: "ci-runner", automountServiceAccountToken: false,
        memoize: memoize, daemon: false, failFast: true, parallelism: 4, priority: 10,
        priorityClassName: "high", schedulerName: "default-scheduler", podSpecPatch: "{\"hostNetwork\":false}",
        pendingTimeout: "10m"
    )

    static let nodeResult = NodeResult(phase: .succeeded, message: "posted", outputs: outputs, progress: "1/1")

    static let templateRef = TemplateRef(name: "ci-templates", template: "build", clusterScope: false)

    static let nodeStatus = NodeStatus(
        id: "ci-2718281828", name: "ci[1].build(0)", displayName: "build(0)", type: .pod, templateName: "build",
        templateRef: templateRef, templateScope: "local/ci", phase: .running, message: "running",
        boundaryID: "ci", startedAt: "2026-10-27T09:15:41Z", finishedAt: "2026-10-27T09:19:53Z",
        estimatedDuration: 252, progress: "0/1", resourcesDuration: ["cpu": 504, "memory": 2016],
        podIP: "10.0.12.99", daemoned: false, nodeFlag: NodeFlag(hooked: false, retried: true), inputs: inputs,
        outputs: outputs, children: ["ci-1414213562"], outboundNodes: ["ci-1414213562"],
        hostNodeName: "ip-10-0-12-34", memoizationStatus: MemoizationStatus(hit: true, key: "k", cacheName: "memo"),
        synchronizationStatus: NodeSynchronizationStatus(waiting: "argo/Mutex/build")
    )

    static let nodeFlag = NodeFlag(hooked: true, retried: false)

    static let memoizationStatus = MemoizationStatus(hit: true, key: "k", cacheName: "memo")

    static let nodeSynchronizationStatus = NodeSynchronizationStatus(waiting: "argo/Mutex/build")

    // The RPCs' requests and replies.

    static let executeTemplateArgs = ExecuteTemplateArgs(workflow: workflow, template: template)

    static let executeTemplateReply = ExecuteTemplateReply(node: nodeResult, requeue: .seconds(30))

    static let workflowPreOperateArgs = WorkflowPreOperateArgs(workflow: workflow)

    static let workflowPreOperateReply = WorkflowPreOperateReply(workflow: workflow)

    static let workflowPostOperateArgs = WorkflowPostOperateArgs(old: workflow, new: workflow)

    static let workflowPostOperateReply = WorkflowPostOperateReply()

    static let nodePreExecuteArgs = NodePreExecuteArgs(workflow: workflow, template: template, node: nodeStatus)

    static let nodePreExecuteReply = NodePreExecuteReply(
        node: NodeResult(phase: .skipped, message: "cached", outputs: outputs))

    static let nodePostExecuteArgs = NodePostExecuteArgs(
        workflow: workflow, template: template, old: nodeStatus, new: nodeStatus)

    static let nodePostExecuteReply = NodePostExecuteReply()

    static let parameterPreSubstitutionArgs = ParameterPreSubstitutionArgs(workflow: workflow, template: template)

    static let parameterPreSubstitutionReply = ParameterPreSubstitutionReply(parameters: ["build.id": "1842"])

    // The SDK's pod hooks.

    static let pod = Pod(
        apiVersion: "v1", kind: "Pod", metadata: objectMeta,
        spec: ["containers": [["name": "main", "image": "alpine:3.20"]]], status: ["phase": "Pending"])

    static let podPreCreateArgs = PodPreCreateArgs(workflow: workflow, template: template, pod: pod)

    static let podRefusal = PodRefusal(reason: "image registry.example.com/untrusted is not on the allow list")

    static let podPreCreateReply = PodPreCreateReply(pod: pod, refusal: podRefusal)

    static let podPostCreateReply = PodPostCreateReply()
}
