import PluginJSON

// The request objects a plugin decodes on every call build themselves from the parsed document (see
// `JSONDirectDecodable`): one pass over the members that are present, typed members by key, everything else kept
// in `unknownFields`. Members with their own structure (retry strategies, template references, artifacts...) are decoded
// through `Decodable` for that member only. Anything not exactly as `init(from:)` would have it (a type mismatch,
// an escaped key) gives `nil`, and the decoder takes the `Decodable` route for the whole request, which reports
// the error. `RequestDirectDecodingTests` compares both routes value for value.

extension JSONTapeValue {
    /// Fills an optional member: `null` is absent, anything else goes through `Decodable`.
    func fill<T: Decodable>(_ slot: inout T?) -> Bool {
        if isNull {
            slot = nil
            return true
        }
        guard let value = decode(T.self) else { return false }
        slot = value
        return true
    }

    /// Fills an optional member whose type builds itself, falling back to `Decodable` for this member only.
    func fillDirect<T: JSONDirectDecodable>(_ slot: inout T?) -> Bool {
        if isNull {
            slot = nil
            return true
        }
        guard let value = T(directJSON: self) ?? decode(T.self) else { return false }
        slot = value
        return true
    }

    /// Fills an optional array of self-building elements.
    func fillDirectArray<T: JSONDirectDecodable>(_ slot: inout [T]?) -> Bool {
        if isNull {
            slot = nil
            return true
        }
        guard let elements = array({ T(directJSON: $0) ?? $0.decode(T.self) }) else { return false }
        slot = elements
        return true
    }

    /// A required member whose type builds itself.
    func required<T: JSONDirectDecodable>(_ type: T.Type) -> T? {
        T(directJSON: self) ?? decode(T.self)
    }

    /// Keeps a member the model does not type, as `init(from:)` does.
    func keep(as key: JSONMemberKey, in fields: inout [String: JSONValue]) -> Bool {
        guard key.isPlain, let value = jsonValue else { return false }
        fields[key.string] = value
        return true
    }
}

extension ExecuteTemplateArgs: JSONDirectDecodable {
    /// Builds `{workflow, template}` and keeps other members; `nil` hands the request to `init(from:)`.
    package init?(directJSON object: JSONTapeValue) {
        var workflow: Workflow?
        var template: Template?
        var unknown: [String: JSONValue] = [:]
        let complete = object.forEachMember { key, value in
            if key.is("workflow") {
                workflow = value.required(Workflow.self)
                return workflow != nil
            }
            if key.is("template") {
                template = value.required(Template.self)
                return template != nil
            }
            return value.keep(as: key, in: &unknown)
        }
        guard complete, let workflow, let template else { return nil }
        self.init(workflow: workflow, template: template, unknownFields: unknown)
    }
}

extension NodePreExecuteArgs: JSONDirectDecodable {
    /// Builds `{workflow, template, node}` and keeps other members.
    package init?(directJSON object: JSONTapeValue) {
        var workflow: Workflow?
        var template: Template?
        var node: NodeStatus?
        var unknown: [String: JSONValue] = [:]
        let complete = object.forEachMember { key, value in
            if key.is("workflow") {
                workflow = value.required(Workflow.self)
                return workflow != nil
            }
            if key.is("template") {
                template = value.required(Template.self)
                return template != nil
            }
            if key.is("node") {
                node = value.required(NodeStatus.self)
                return node != nil
            }
            return value.keep(as: key, in: &unknown)
        }
        guard complete, let workflow, let template, let node else { return nil }
        self.init(workflow: workflow, template: template, node: node, unknownFields: unknown)
    }
}

extension Workflow: JSONDirectDecodable {
    /// Builds the workflow's metadata and keeps every other member (spec, status...).
    package init?(directJSON object: JSONTapeValue) {
        var metadata: ObjectMeta?
        var unknown: [String: JSONValue] = [:]
        let complete = object.forEachMember { key, value in
            if key.is("metadata") {
                metadata = value.required(ObjectMeta.self)
                return metadata != nil
            }
            return value.keep(as: key, in: &unknown)
        }
        guard complete, let metadata else { return nil }
        self.init(metadata: metadata, unknownFields: unknown)
    }
}

extension ObjectMeta: JSONDirectDecodable {
    /// Builds the Kubernetes metadata; owner references and managed fields go through `Decodable`.
    package init?(directJSON object: JSONTapeValue) {
        var meta = ObjectMeta()
        let complete = object.forEachMember { key, value in
            if key.is("name") { return value.fill(&meta.name) }
            if key.is("namespace") { return value.fill(&meta.namespace) }
            if key.is("uid") { return value.fill(&meta.uid) }
            if key.is("generateName") { return value.fill(&meta.generateName) }
            if key.is("resourceVersion") { return value.fill(&meta.resourceVersion) }
            if key.is("generation") { return value.fill(&meta.generation) }
            if key.is("creationTimestamp") { return value.fill(&meta.creationTimestamp) }
            if key.is("deletionTimestamp") { return value.fill(&meta.deletionTimestamp) }
            if key.is("deletionGracePeriodSeconds") { return value.fill(&meta.deletionGracePeriodSeconds) }
            if key.is("labels") { return value.fill(&meta.labels) }
            if key.is("annotations") { return value.fill(&meta.annotations) }
            if key.is("ownerReferences") { return value.fill(&meta.ownerReferences) }
            if key.is("finalizers") { return value.fill(&meta.finalizers) }
            if key.is("managedFields") { return value.fill(&meta.managedFields) }
            if key.is("selfLink") { return value.fill(&meta.selfLink) }
            if key.is("clusterName") { return value.fill(&meta.clusterName) }
            return value.keep(as: key, in: &meta.unknownFields)
        }
        guard complete else { return nil }
        self = meta
    }
}

extension Template: JSONDirectDecodable {
    /// Builds the template; retry strategy, memoize and `activeDeadlineSeconds` go through `Decodable`.
    package init?(directJSON object: JSONTapeValue) {
        var template = Template()
        let complete = object.forEachMember { key, value in
            if key.is("name") { return value.fill(&template.name) }
            if key.is("inputs") { return value.fillDirect(&template.inputs) }
            if key.is("outputs") { return value.fillDirect(&template.outputs) }
            if key.is("metadata") { return value.fillDirect(&template.metadata) }
            if key.is("plugin") { return value.fill(&template.plugin) }
            if key.is("annotations") { return value.fill(&template.annotations) }
            if key.is("nodeSelector") { return value.fill(&template.nodeSelector) }
            if key.is("timeout") { return value.fill(&template.timeout) }
            if key.is("activeDeadlineSeconds") { return value.fill(&template.activeDeadlineSeconds) }
            if key.is("retryStrategy") { return value.fill(&template.retryStrategy) }
            if key.is("serviceAccountName") { return value.fill(&template.serviceAccountName) }
            if key.is("automountServiceAccountToken") { return value.fill(&template.automountServiceAccountToken) }
            if key.is("memoize") { return value.fill(&template.memoize) }
            if key.is("daemon") { return value.fill(&template.daemon) }
            if key.is("failFast") { return value.fill(&template.failFast) }
            if key.is("parallelism") { return value.fill(&template.parallelism) }
            if key.is("priority") { return value.fill(&template.priority) }
            if key.is("priorityClassName") { return value.fill(&template.priorityClassName) }
            if key.is("schedulerName") { return value.fill(&template.schedulerName) }
            if key.is("podSpecPatch") { return value.fill(&template.podSpecPatch) }
            if key.is("pendingTimeout") { return value.fill(&template.pendingTimeout) }
            return value.keep(as: key, in: &template.unknownFields)
        }
        guard complete else { return nil }
        self = template
    }
}

extension Metadata: JSONDirectDecodable {
    /// Builds a template's labels and annotations.
    package init?(directJSON object: JSONTapeValue) {
        var metadata = Metadata()
        let complete = object.forEachMember { key, value in
            if key.is("labels") { return value.fill(&metadata.labels) }
            if key.is("annotations") { return value.fill(&metadata.annotations) }
            return value.keep(as: key, in: &metadata.unknownFields)
        }
        guard complete else { return nil }
        self = metadata
    }
}

extension Inputs: JSONDirectDecodable {
    /// Builds the parameters; artifacts go through `Decodable`.
    package init?(directJSON object: JSONTapeValue) {
        var inputs = Inputs()
        let complete = object.forEachMember { key, value in
            if key.is("parameters") { return value.fillDirectArray(&inputs.parameters) }
            if key.is("artifacts") { return value.fill(&inputs.artifacts) }
            return value.keep(as: key, in: &inputs.unknownFields)
        }
        guard complete else { return nil }
        self = inputs
    }
}

extension Outputs: JSONDirectDecodable {
    /// Builds the parameters, result and exit code; artifacts go through `Decodable`.
    package init?(directJSON object: JSONTapeValue) {
        var outputs = Outputs()
        let complete = object.forEachMember { key, value in
            if key.is("parameters") { return value.fillDirectArray(&outputs.parameters) }
            if key.is("artifacts") { return value.fill(&outputs.artifacts) }
            if key.is("result") { return value.fill(&outputs.result) }
            if key.is("exitCode") { return value.fill(&outputs.exitCode) }
            return value.keep(as: key, in: &outputs.unknownFields)
        }
        guard complete else { return nil }
        self = outputs
    }
}

extension Parameter: JSONDirectDecodable {
    /// Builds a parameter; `enum` and `valueFrom` go through `Decodable`, and so do values that are not strings.
    package init?(directJSON object: JSONTapeValue) {
        var name: String?
        var parameter = Parameter(name: "")
        let complete = object.forEachMember { key, value in
            if key.is("name") {
                name = value.string
                return name != nil
            }
            if key.is("value") { return value.fillAnyString(&parameter.value) }
            if key.is("default") { return value.fillAnyString(&parameter.default) }
            if key.is("description") { return value.fillAnyString(&parameter.description) }
            if key.is("enum") { return value.fill(&parameter.enum) }
            if key.is("globalName") { return value.fill(&parameter.globalName) }
            if key.is("valueFrom") { return value.fill(&parameter.valueFrom) }
            return value.keep(as: key, in: &parameter.unknownFields)
        }
        guard complete, let name else { return nil }
        parameter.name = name
        self = parameter
    }
}

extension JSONTapeValue {
    /// An `AnyString` member: strings directly, numbers and booleans through `AnyString`'s own decoding.
    func fillAnyString(_ slot: inout AnyString?) -> Bool {
        if let text = string {
            slot = AnyString(text)
            return true
        }
        return fill(&slot)
    }
}

extension NodeStatus: JSONDirectDecodable {
    /// Builds a node's status; enumerations, template references and synchronization go through `Decodable`.
    package init?(directJSON object: JSONTapeValue) {
        var node = NodeStatus()
        let complete = object.forEachMember { key, value in
            if key.is("id") { return value.fill(&node.id) }
            if key.is("name") { return value.fill(&node.name) }
            if key.is("displayName") { return value.fill(&node.displayName) }
            if key.is("type") { return value.fill(&node.type) }
            if key.is("templateName") { return value.fill(&node.templateName) }
            if key.is("templateRef") { return value.fill(&node.templateRef) }
            if key.is("templateScope") { return value.fill(&node.templateScope) }
            if key.is("phase") { return value.fill(&node.phase) }
            if key.is("message") { return value.fill(&node.message) }
            if key.is("boundaryID") { return value.fill(&node.boundaryID) }
            if key.is("startedAt") { return value.fill(&node.startedAt) }
            if key.is("finishedAt") { return value.fill(&node.finishedAt) }
            if key.is("estimatedDuration") { return value.fill(&node.estimatedDuration) }
            if key.is("progress") { return value.fill(&node.progress) }
            if key.is("resourcesDuration") { return value.fill(&node.resourcesDuration) }
            if key.is("podIP") { return value.fill(&node.podIP) }
            if key.is("daemoned") { return value.fill(&node.daemoned) }
            if key.is("nodeFlag") { return value.fill(&node.nodeFlag) }
            if key.is("inputs") { return value.fillDirect(&node.inputs) }
            if key.is("outputs") { return value.fillDirect(&node.outputs) }
            if key.is("children") { return value.fill(&node.children) }
            if key.is("outboundNodes") { return value.fill(&node.outboundNodes) }
            if key.is("hostNodeName") { return value.fill(&node.hostNodeName) }
            if key.is("memoizationStatus") { return value.fill(&node.memoizationStatus) }
            if key.is("synchronizationStatus") { return value.fill(&node.synchronizationStatus) }
            return value.keep(as: key, in: &node.unknownFields)
        }
        guard complete else { return nil }
        self = node
    }
}
