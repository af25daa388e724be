import ArgoModels

/// The WorkflowTemplates and ClusterWorkflowTemplates given with `--templates`, for `templateRef` and
/// `workflowTemplateRef`, as the controller finds them in the cluster.
///
/// ```swift
/// let library = try TemplateLibrary(yaml: [try String(contentsOfFile: "templates.yaml", encoding: .utf8)])
/// let simulator = Simulator(plugins: plugins, templates: library)
/// ```
public struct TemplateLibrary: Sendable {
    private var namespaced: [String: TemplateContext] = [:]
    private var cluster: [String: TemplateContext] = [:]

    /// An empty library: every `templateRef` is reported as not evaluated.
    public init() {}

    /// Every WorkflowTemplate and ClusterWorkflowTemplate in `yaml` (several documents per text allowed).
    ///
    /// - Throws: ``SimulationError`` for invalid YAML or a template without a name.
    public init(yaml texts: [String]) throws {
        for text in texts {
            for document in try YAMLJSON.documents(text) {
                let kind = document["kind"]?.stringValue ?? ""
                guard kind == "WorkflowTemplate" || kind == "ClusterWorkflowTemplate" else { continue }
                guard let name = document["metadata"]?["name"]?.stringValue else {
                    throw SimulationError("a \(kind) has no metadata.name")
                }
                let spec = document["spec"] ?? [:]
                let context = TemplateContext(
                    owner: "\(kind) \(name)", spec: spec, templates: try WorkflowDocument.templates(of: spec))
                if kind == "WorkflowTemplate" { namespaced[name] = context } else { cluster[name] = context }
            }
        }
    }

    /// The names this library holds, for messages.
    public var names: [String] {
        namespaced.keys.sorted().map { "WorkflowTemplate \($0)" } + cluster.keys.sorted().map { "ClusterWorkflowTemplate \($0)" }
    }

    /// The templates of WorkflowTemplate (or, with `clusterScope`, ClusterWorkflowTemplate) `name`.
    func context(name: String, clusterScope: Bool) -> TemplateContext? {
        clusterScope ? cluster[name] : namespaced[name]
    }
}

/// Where template names are looked up: the workflow's own templates, or those of the WorkflowTemplate a
/// `templateRef` led into (Argo's `TemplateContext`).
struct TemplateContext: Sendable {
    /// `workflow`, `WorkflowTemplate x` or `ClusterWorkflowTemplate x`, for messages.
    var owner: String
    var spec: JSONValue
    var templates: [String: JSONValue]
}
