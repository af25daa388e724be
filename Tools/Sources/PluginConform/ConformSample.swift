import Foundation
import PluginSDKTesting

/// The calls conform makes as Argo would: the workflow's metadata and a template the plugin handles.
///
/// An executor plugin answers `{}` to templates that are not its own, so conform needs one that is: from a file
/// (``init(document:templateName:)``: a template, or a workflow whose plugin template is used) or built from a
/// plugin key and its configuration (``plugin(key:config:)``).
public struct ConformSample: Sendable {
    /// The workflow as Argo's agent sends it: `{"metadata": {"name", "namespace", "uid"}}`.
    public var workflow: JSONValue
    /// The template, a JSON object; for an executor plugin it has a `plugin` member.
    public var template: JSONValue

    /// A sample from a template and the name and namespace of its workflow.
    public init(template: JSONValue, workflowName: String = "conform", namespace: String = "argo") {
        self.template = template
        self.workflow = [
            "metadata": [
                "name": .string(workflowName), "namespace": .string(namespace),
                "uid": .string(UUID().uuidString.lowercased()),
            ]
        ]
    }

    /// The template `{"name": "conform", "plugin": {key: config}}`.
    public static func plugin(key: String, config: JSONValue = [:]) -> ConformSample {
        ConformSample(template: ["name": "conform", "plugin": .object([key: config])])
    }

    /// A sample from a parsed file: a template (an object with `plugin`), or a Workflow, WorkflowTemplate,
    /// ClusterWorkflowTemplate or CronWorkflow whose template `templateName` is used (by default the first one
    /// with a `plugin` member), with the workflow's name and namespace.
    public init(document: JSONValue, templateName: String? = nil) throws(ConformInputError) {
        guard document["kind"] != nil else {
            guard document["plugin"]?.objectValue != nil || templateName != nil else {
                throw ConformInputError("the file is neither a template with a plugin: member nor a workflow")
            }
            self.init(template: document)
            return
        }
        let spec = document["spec"]?["workflowSpec"] ?? document["spec"]
        let templates = spec?["templates"]?.arrayValue ?? []
        let chosen =
            templateName.map { name in templates.first { $0["name"]?.stringValue == name } }
            ?? templates.first { $0["plugin"]?.objectValue != nil }
        guard let template = chosen else {
            throw ConformInputError(
                templateName.map { "the workflow has no template named \($0)" }
                    ?? "the workflow has no template with a plugin: member; name one with --template-name")
        }
        let metadata = document["metadata"]
        let name = metadata?["name"]?.stringValue ?? metadata?["generateName"]?.stringValue.map { $0 + "conform" }
        self.init(
            template: template, workflowName: name ?? "conform",
            namespace: metadata?["namespace"]?.stringValue ?? "argo")
    }

    /// The `template.execute` body Argo's agent sends for the sample.
    var executeBody: [UInt8] {
        Self.encode(["workflow": workflow, "template": template])
    }

    /// A `template.execute` body for a template of another plugin, as the agent sends every plugin each template.
    var foreignBody: [UInt8] {
        let name = template["name"] ?? "conform"
        return Self.encode([
            "workflow": workflow, "template": ["name": name, "plugin": ["argo-plugin-conform-other": [:]]],
        ])
    }

    /// The body of controller hook `hook`, its template the sample's.
    func hookBody(_ hook: String) -> [UInt8] {
        let metadata = workflow["metadata"]
        let workflow = Workflow.fixture(
            name: metadata?["name"]?.stringValue ?? "conform", namespace: metadata?["namespace"]?.stringValue ?? "argo",
            uid: metadata?["uid"]?.stringValue ?? "uid")
        let template =
            (try? JSONDecoder().decode(Template.self, from: Data(Self.encode(self.template))))
            ?? Template.fixture(plugin: nil)
        let name = template.name ?? "conform"
        switch hook {
        case "workflow.preOperate": return Self.encode(WorkflowPreOperateArgs.fixture(workflow: workflow))
        case "workflow.postOperate": return Self.encode(WorkflowPostOperateArgs.fixture(old: workflow))
        case "node.preExecute":
            var args = NodePreExecuteArgs.fixture(template: name, workflow: workflow)
            args.template = template
            return Self.encode(args)
        case "node.postExecute":
            var args = NodePostExecuteArgs.fixture(template: name, workflow: workflow)
            args.template = template
            return Self.encode(args)
        default:
            var args = ParameterPreSubstitutionArgs.fixture(template: name, workflow: workflow)
            args.template = template
            return Self.encode(args)
        }
    }

    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map(Array.init) ?? Array("{}".utf8)
    }
}
