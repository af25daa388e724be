import PluginJSON

// The request objects a plugin decodes on every call build themselves from the parsed document (see
// `JSONDirectDecodable`): one pass over the members that are present, typed members by key, everything else kept
// in `unknownFields`. Members with their own structure (retry strategies, template references, artifacts...) are decoded
// through `Decodable` for that member only. Anything not exactly as `init(from:)` would have it (a type mismatch,
// an escaped key) gives `nil`, and the decoder takes the `Decodable` route for the whole request, which reports
// the error. `RequestDirectDecodingTests` compares both routes value for value.

extension JSONTapeValue {
    // Concrete `fill`s for the member types the builders meet most: the generic one reaches the decoder through
    // generic code that looks up `Optional<T>`'s metadata at run time on every call.

    /// Fills an optional string member (`null` is absent).
    func fill(_ slot: inout String?) -> Bool {
        fill(&slot, string)
    }

    /// Fills an optional Boolean member.
    func fill(_ slot: inout Bool?) -> Bool {
        fill(&slot, bool)
    }

    /// Fills an optional integer member.
    func fill(_ slot: inout Int64?) -> Bool {
        fill(&slot, int64)
    }

    /// Fills an optional list of strings.
    func fill(_ slot: inout [String]?) -> Bool {
        fill(&slot, stringArray)
    }

    /// Fills an optional object of strings (labels, annotations).
    func fill(_ slot: inout [String: String]?) -> Bool {
        fill(&slot, stringDictionary)
    }

    /// Fills an optional object kept as `JSONValue`s (a template's `plugin`).
    func fill(_ slot: inout [String: JSONValue]?) -> Bool {
        fill(&slot, jsonObject)
    }

    /// `null` empties `slot`; otherwise `value` (`nil`: not of the member's type) fills it.
    @inline(__always)
    private func fill<T>(_ slot: inout T?, _ value: @autoclosure () -> T?) -> Bool {
        if isNull {
            slot = nil
            return true
        }
        guard let value = value() else { return false }
        slot = value
        return true
    }

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
        guard let count = elementCount else { return false }
        var elements: [T] = []
        elements.reserveCapacity(count)
        let complete = forEachElement { element in
            guard let built = T(directJSON: element) ?? element.decode(T.self) else { return false }
            elements.append(built)
            return true
        }
        guard complete else { return false }
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
    static let directFields = DirectFields<CodingKeys>()

    /// Builds `{workflow, template}` and keeps other members; `nil` hands the request to `init(from:)`.
    package init?(directJSON object: JSONTapeValue) {
        var workflow: Workflow?
        var template: Template?
        var unknown: [String: JSONValue] = [:]
        let complete = object.forEachMember { key, value in
            switch Self.directFields.field(key) {
            case .workflow?:
                workflow = value.required(Workflow.self)
                return workflow != nil
            case .template?:
                template = value.required(Template.self)
                return template != nil
            case nil: return value.keep(as: key, in: &unknown)
            }
        }
        guard complete, let workflow, let template else { return nil }
        self.init(workflow: workflow, template: template, unknownFields: unknown)
    }
}

extension NodePreExecuteArgs: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds `{workflow, template, node}` and keeps other members.
    package init?(directJSON object: JSONTapeValue) {
        var workflow: Workflow?
        var template: Template?
        var node: NodeStatus?
        var unknown: [String: JSONValue] = [:]
        let complete = object.forEachMember { key, value in
            switch Self.directFields.field(key) {
            case .workflow?:
                workflow = value.required(Workflow.self)
                return workflow != nil
            case .template?:
                template = value.required(Template.self)
                return template != nil
            case .node?:
                node = value.required(NodeStatus.self)
                return node != nil
            case nil: return value.keep(as: key, in: &unknown)
            }
        }
        guard complete, let workflow, let template, let node else { return nil }
        self.init(workflow: workflow, template: template, node: node, unknownFields: unknown)
    }
}

extension Workflow: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the workflow's metadata and keeps every other member (spec, status...).
    package init?(directJSON object: JSONTapeValue) {
        var metadata: ObjectMeta?
        var unknown: [String: JSONValue] = [:]
        let complete = object.forEachMember { key, value in
            switch Self.directFields.field(key) {
            case .metadata?:
                metadata = value.required(ObjectMeta.self)
                return metadata != nil
            case nil: return value.keep(as: key, in: &unknown)
            }
        }
        guard complete, let metadata else { return nil }
        self.init(metadata: metadata, unknownFields: unknown)
    }
}

// The builders below start from the empty value and fill `self` in place: building a local and assigning it at the
// end copied the whole struct (every string and collection retained, then released).

extension ObjectMeta: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the Kubernetes metadata; owner references and managed fields go through `Decodable`.
    package init?(directJSON object: JSONTapeValue) {
        self.init()
        let complete = object.forEachMember { key, value in
            switch Self.directFields.field(key) {
            case .name?: return value.fill(&name)
            case .namespace?: return value.fill(&namespace)
            case .uid?: return value.fill(&uid)
            case .generateName?: return value.fill(&generateName)
            case .resourceVersion?: return value.fill(&resourceVersion)
            case .generation?: return value.fill(&generation)
            case .creationTimestamp?: return value.fill(&creationTimestamp)
            case .deletionTimestamp?: return value.fill(&deletionTimestamp)
            case .deletionGracePeriodSeconds?: return value.fill(&deletionGracePeriodSeconds)
            case .labels?: return value.fill(&labels)
            case .annotations?: return value.fill(&annotations)
            case .ownerReferences?: return value.fill(&ownerReferences)
            case .finalizers?: return value.fill(&finalizers)
            case .managedFields?: return value.fill(&managedFields)
            case .selfLink?: return value.fill(&selfLink)
            case .clusterName?: return value.fill(&clusterName)
            case nil: return value.keep(as: key, in: &unknownFields)
            }
        }
        guard complete else { return nil }
    }
}

extension Template: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the template; retry strategy, memoize and `activeDeadlineSeconds` go through `Decodable`.
    package init?(directJSON object: JSONTapeValue) {
        self.init()
        let complete = object.forEachMember { key, value in
            switch Self.directFields.field(key) {
            case .name?: return value.fill(&name)
            case .inputs?: return value.fillDirect(&inputs)
            case .outputs?: return value.fillDirect(&outputs)
            case .metadata?: return value.fillDirect(&metadata)
            case .plugin?: return value.fill(&plugin)
            case .annotations?: return value.fill(&annotations)
            case .nodeSelector?: return value.fill(&nodeSelector)
            case .timeout?: return value.fill(&timeout)
            case .activeDeadlineSeconds?: return value.fill(&activeDeadlineSeconds)
            case .retryStrategy?: return value.fill(&retryStrategy)
            case .serviceAccountName?: return value.fill(&serviceAccountName)
            case .automountServiceAccountToken?: return value.fill(&automountServiceAccountToken)
            case .memoize?: return value.fill(&memoize)
            case .daemon?: return value.fill(&daemon)
            case .failFast?: return value.fill(&failFast)
            case .parallelism?: return value.fill(&parallelism)
            case .priority?: return value.fill(&priority)
            case .priorityClassName?: return value.fill(&priorityClassName)
            case .schedulerName?: return value.fill(&schedulerName)
            case .podSpecPatch?: return value.fill(&podSpecPatch)
            case .pendingTimeout?: return value.fill(&pendingTimeout)
            case nil: return value.keep(as: key, in: &unknownFields)
            }
        }
        guard complete else { return nil }
    }
}

extension Metadata: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds a template's labels and annotations.
    package init?(directJSON object: JSONTapeValue) {
        self.init()
        let complete = object.forEachMember { key, value in
            switch Self.directFields.field(key) {
            case .labels?: return value.fill(&labels)
            case .annotations?: return value.fill(&annotations)
            case nil: return value.keep(as: key, in: &unknownFields)
            }
        }
        guard complete else { return nil }
    }
}

extension Inputs: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the parameters; artifacts go through `Decodable`.
    package init?(directJSON object: JSONTapeValue) {
        self.init()
        let complete = object.forEachMember { key, value in
            switch Self.directFields.field(key) {
            case .parameters?: return value.fillDirectArray(&parameters)
            case .artifacts?: return value.fill(&artifacts)
            case nil: return value.keep(as: key, in: &unknownFields)
            }
        }
        guard complete else { return nil }
    }
}

extension Outputs: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the parameters, result and exit code; artifacts go through `Decodable`.
    package init?(directJSON object: JSONTapeValue) {
        self.init()
        let complete = object.forEachMember { key, value in
            switch Self.directFields.field(key) {
            case .parameters?: return value.fillDirectArray(&parameters)
            case .artifacts?: return value.fill(&artifacts)
            case .result?: return value.fill(&result)
            case .exitCode?: return value.fill(&exitCode)
            case nil: return value.keep(as: key, in: &unknownFields)
            }
        }
        guard complete else { return nil }
    }
}

extension Parameter: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds a parameter; `enum` and `valueFrom` go through `Decodable`, and so do values that are not strings.
    package init?(directJSON object: JSONTapeValue) {
        var named: String?
        self.init(name: "")
        let complete = object.forEachMember { key, value in
            switch Self.directFields.field(key) {
            case .name?:
                named = value.string
                return named != nil
            case .value?: return value.fillAnyString(&self.value)
            case .default?: return value.fillAnyString(&self.default)
            case .description?: return value.fillAnyString(&description)
            case .enum?: return value.fill(&self.enum)
            case .globalName?: return value.fill(&globalName)
            case .valueFrom?: return value.fill(&valueFrom)
            case nil: return value.keep(as: key, in: &unknownFields)
            }
        }
        guard complete, let named else { return nil }
        name = named
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
    static let directFields = DirectFields<CodingKeys>()

    /// Builds a node's status; enumerations, template references and synchronization go through `Decodable`.
    package init?(directJSON object: JSONTapeValue) {
        self.init()
        let complete = object.forEachMember { key, value in
            switch Self.directFields.field(key) {
            case .id?: return value.fill(&id)
            case .name?: return value.fill(&name)
            case .displayName?: return value.fill(&displayName)
            case .type?: return value.fill(&type)
            case .templateName?: return value.fill(&templateName)
            case .templateRef?: return value.fill(&templateRef)
            case .templateScope?: return value.fill(&templateScope)
            case .phase?: return value.fill(&phase)
            case .message?: return value.fill(&message)
            case .boundaryID?: return value.fill(&boundaryID)
            case .startedAt?: return value.fill(&startedAt)
            case .finishedAt?: return value.fill(&finishedAt)
            case .estimatedDuration?: return value.fill(&estimatedDuration)
            case .progress?: return value.fill(&progress)
            case .resourcesDuration?: return value.fill(&resourcesDuration)
            case .podIP?: return value.fill(&podIP)
            case .daemoned?: return value.fill(&daemoned)
            case .nodeFlag?: return value.fill(&nodeFlag)
            case .inputs?: return value.fillDirect(&inputs)
            case .outputs?: return value.fillDirect(&outputs)
            case .children?: return value.fill(&children)
            case .outboundNodes?: return value.fill(&outboundNodes)
            case .hostNodeName?: return value.fill(&hostNodeName)
            case .memoizationStatus?: return value.fill(&memoizationStatus)
            case .synchronizationStatus?: return value.fill(&synchronizationStatus)
            case nil: return value.keep(as: key, in: &unknownFields)
            }
        }
        guard complete else { return nil }
    }
}
