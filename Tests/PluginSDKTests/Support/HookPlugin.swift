import PluginSDK

/// Implements every controller and pod hook, echoing what it received so tests can check the typed round trip.
struct HookPlugin:
    WorkflowPreOperateHook, WorkflowPostOperateHook, NodePreExecuteHook, NodePostExecuteHook, ParametersAddHook,
    PodPreCreateHook, PodPostCreateHook
{
    struct Refused: Error, CustomStringConvertible {
        var description: String { "policy says no" }
    }

    func workflowPreOperate(_ args: WorkflowPreOperateArgs, context: PluginContext) async throws
        -> WorkflowPreOperateReply
    {
        if args.workflow.metadata.labels?["fail"] == "transient" { throw TransientError("store unavailable") }
        if args.workflow.metadata.labels?["fail"] == "fatal" { throw Refused() }
        return .merging(annotations: ["seen-by": context.workflowName], labels: ["uid": args.workflow.metadata.uid ?? ""])
    }

    func workflowPostOperate(_ args: WorkflowPostOperateArgs, context: PluginContext) async throws
        -> WorkflowPostOperateReply
    {
        WorkflowPostOperateReply()
    }

    func nodePreExecute(_ args: NodePreExecuteArgs, context: PluginContext) async throws -> NodePreExecuteReply {
        if args.template.pluginConfig(for: "skip") != nil { return .skip("skipped \(args.node.name ?? "")") }
        if args.template.pluginConfig(for: "done") != nil {
            return .succeeded(message: "done \(context.templateName)", outputs: Outputs().parameter("x", "1"))
        }
        return .proceed
    }

    func nodePostExecute(_ args: NodePostExecuteArgs, context: PluginContext) async throws -> NodePostExecuteReply {
        NodePostExecuteReply()
    }

    func parametersAdd(_ args: ParameterPreSubstitutionArgs, context: PluginContext) async throws
        -> ParameterPreSubstitutionReply
    {
        .adding(["greeting": "hello \(context.workflowName)"])
    }

    func podPreCreate(_ args: PodPreCreateArgs, context: PluginContext) async throws -> PodPreCreateReply {
        if args.pod.metadata?.labels?["forbidden"] != nil { return .refuse("pods labelled forbidden are not allowed") }
        return .create(args.pod.addingLabel("checked", "yes").addingContainer(["name": "sidecar", "image": "busybox"]))
    }

    func podPostCreate(_ args: PodPostCreateArgs, context: PluginContext) async throws -> PodPostCreateReply {
        PodPostCreateReply()
    }
}

/// Controller-hook bodies shaped like Argo's v3.3 controller sends them.
enum HookBodies {
    static let workflow = #"{"metadata":{"name":"wf-1","namespace":"argo","uid":"u-1","labels":{"team":"a"},"resourceVersion":"7","creationTimestamp":"2026-11-21T10:00:00Z","deletionTimestamp":null}}"#
    static let node = #"{"id":"wf-1-1","name":"wf-1[0].s","displayName":"s","type":"Plugin","templateName":"t","phase":"Pending","startedAt":"2026-11-21T10:00:01Z","finishedAt":null,"children":["x"],"futureField":{"a":1}}"#

    static func template(_ plugin: String) -> String { #"{"name":"t","plugin":\#(plugin)}"# }

    static let preOperate = #"{"workflow":\#(workflow)}"#
    static let postOperate = #"{"old":\#(workflow),"new":\#(workflow)}"#
    static func preExecute(_ plugin: String) -> String {
        #"{"workflow":\#(workflow),"template":\#(template(plugin)),"node":\#(node)}"#
    }
    static let postExecute = #"{"workflow":\#(workflow),"template":\#(template("{}")),"old":\#(node),"new":\#(node)}"#
    static let parameters = #"{"workflow":\#(workflow),"template":\#(template("{}"))}"#
    static func pod(labels: String = "{}") -> String {
        #"{"workflow":\#(workflow),"template":\#(template("{}")),"pod":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":\#(labels)},"spec":{"containers":[{"name":"main","image":"alpine"}],"restartPolicy":"Never"}}}"#
    }
}
