import PluginJSON

/// Every known error in Argo's published plugin swagger files, in one place, each with its reason.
///
/// The contract tests check the models against the swagger *after* these corrections. Nothing is skipped: each
/// correction replaces a wrong schema with the shape Argo really sends, and ``SwaggerErrataTests`` checks that
/// each one still differs from the vendored file (so a fixed upstream swagger makes its erratum fail as stale).
enum SwaggerErrata {
    /// One correction.
    struct Erratum: Sendable {
        /// `executor`, `controller`, or `nil` for both.
        let document: String?
        /// What is corrected: a definition, `Definition.property`, or an RPC path.
        let target: String
        /// Why the swagger is wrong.
        let reason: String
        /// The correction.
        let fix: Fix
    }

    /// How an erratum corrects the document.
    enum Fix: Sendable {
        /// Replace (or add) a definition's schema.
        case definition(JSONValue)
        /// Replace (or add) one property's schema in a definition.
        case property(JSONValue)
        /// Replace an RPC's request and response definitions.
        case rpc(request: String, response: String)
    }

    static let all: [Erratum] = [
        Erratum(
            document: nil, target: "Duration",
            reason: """
                Declared as an object, but Kubernetes' metav1.Duration marshals as a Go duration string ("30s", \
                "1m30s"); ExecuteTemplateReply.requeue is sent and read that way.
                """,
            fix: .definition(["type": "string"])
        ),
        Erratum(
            document: "controller", target: "Time",
            reason: """
                Declared as an object, but Kubernetes' metav1.Time marshals as an RFC 3339 string, or null when zero \
                (creationTimestamp, startedAt, finishedAt, managedFields[].time).
                """,
            fix: .definition(["type": "string", "x-nullable": true])
        ),
        Erratum(
            document: nil, target: "IntOrString",
            reason: """
                Declared as an object {IntVal, StrVal, Type} (the Go struct), but intstr.IntOrString marshals as a bare \
                JSON integer or string (activeDeadlineSeconds: 300, retryStrategy.limit: "{{inputs.parameters.n}}").
                """,
            fix: .definition(["type": ["integer", "string"]])
        ),
        Erratum(
            document: "controller", target: "/workflow.postOperate",
            reason: """
                The request is documented as WorkflowPreOperateArgs ({"workflow"}), and the reply as \
                WorkflowPreOperateReply, but Argo's client (workflow/controller/workflow_lifecycle_hook_plugins.go) \
                sends WorkflowPostOperateArgs {"old", "new"} and reads the empty WorkflowPostOperateReply. Neither \
                type is defined in the swagger; they are added below from pkg/plugins/controller.
                """,
            fix: .rpc(request: "WorkflowPostOperateArgs", response: "WorkflowPostOperateReply")
        ),
        Erratum(
            document: "controller", target: "WorkflowPostOperateArgs",
            reason:
                "Missing from the swagger; Go: struct { Old *Workflow `json:\"old\"`; New *Workflow `json:\"new\"` }.",
            fix: .definition([
                "type": "object",
                "properties": [
                    "old": ["$ref": "#/definitions/Workflow"], "new": ["$ref": "#/definitions/Workflow"],
                ],
            ])
        ),
        Erratum(
            document: "controller", target: "WorkflowPostOperateReply",
            reason: "Missing from the swagger; Go: an empty struct.",
            fix: .definition(["type": "object", "properties": [:]])
        ),
        Erratum(
            document: "controller", target: "NodeStatus.nodeFlag",
            reason: """
                The controller swagger was generated on the v3.3 dev line; Argo v3.5+ adds NodeStatus.nodeFlag \
                {hooked, retried} and sends it to node hooks.
                """,
            fix: .property(["$ref": "#/definitions/NodeFlag"])
        ),
        Erratum(
            document: "controller", target: "NodeFlag",
            reason: "Missing from the v3.3 swagger (see NodeStatus.nodeFlag); Go: struct { Hooked, Retried bool }.",
            fix: .definition([
                "type": "object",
                "properties": ["hooked": ["type": "boolean"], "retried": ["type": "boolean"]],
            ])
        ),
    ]

    /// Applies every erratum for `document`.
    static func apply(to document: inout SwaggerDocument) {
        for erratum in all where erratum.document == nil || erratum.document == document.name {
            switch erratum.fix {
            case .definition(let schema):
                document.definitions[erratum.target] = schema
            case .property(let schema):
                let parts = erratum.target.split(separator: ".").map(String.init)
                guard case .object(var definition)? = document.definitions[parts[0]],
                    case .object(var properties)? = definition["properties"]
                else { continue }
                properties[parts[1]] = schema
                definition["properties"] = .object(properties)
                document.definitions[parts[0]] = .object(definition)
            case .rpc(let request, let response):
                document.rpcs[erratum.target] = (request, response)
            }
        }
    }
}
