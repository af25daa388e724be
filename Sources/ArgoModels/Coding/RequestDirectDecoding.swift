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

    /// Fills an optional `IntOrString` (`retryStrategy.limit`, `activeDeadlineSeconds`): an integer as
    /// `IntOrString.init(from:)` reads one (an integral float included), else a string.
    func fill(_ slot: inout IntOrString?) -> Bool {
        fill(&slot, int64.map { .int($0) } ?? string.map { .string($0) })
    }

    /// Fills an optional list of `AnyString`s (a parameter's `enum`): strings directly, other values through
    /// `AnyString`'s own decoding.
    func fill(_ slot: inout [AnyString]?) -> Bool {
        if isNull {
            slot = nil
            return true
        }
        guard let count = elementCount else { return false }
        var elements: [AnyString] = []
        elements.reserveCapacity(count)
        let complete = forEachElement { element in
            guard let built = element.string.map({ AnyString($0) }) ?? element.decode(AnyString.self) else {
                return false
            }
            elements.append(built)
            return true
        }
        guard complete else { return false }
        slot = elements
        return true
    }

    /// Fills an optional node phase (any string; unknown phases are kept as sent).
    func fill(_ slot: inout NodePhase?) -> Bool {
        fill(&slot, string.map(NodePhase.init(rawValue:)))
    }

    /// Fills an optional node type.
    func fill(_ slot: inout NodeType?) -> Bool {
        fill(&slot, string.map(NodeType.init(rawValue:)))
    }

    /// Fills an optional progress (`"0/1"`).
    func fill(_ slot: inout NodeProgress?) -> Bool {
        fill(&slot, string.map(NodeProgress.init(rawValue:)))
    }

    /// Fills a member kept as `JSONValue` the way `decodeJSONValueIfPresent` does: present as `null` is `.null`,
    /// not absent.
    func fillJSONValue(_ slot: inout JSONValue?) -> Bool {
        guard let value = jsonValue else { return false }
        slot = value
        return true
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

    /// A required member whose type builds itself, falling back to `Decodable` for this member only.
    func build<T: JSONDirectDecodable>(into slot: inout T) -> Bool {
        guard let value = T(directJSON: self) ?? decode(T.self) else { return false }
        slot = value
        return true
    }

    /// Keeps a member the model does not type, as `init(from:)` does.
    func keep(as key: JSONMemberKey, in fields: inout [String: JSONValue]) -> Bool {
        guard key.isPlain, let value = jsonValue else { return false }
        fields[key.string] = value
        return true
    }
}

// The builders fill `self` in place, starting from an empty value (required members are tracked apart), in a plain
// loop over the members: building locals and assigning them at the end, or filling `self` from a closure, copied
// every struct (a `Template` is 792 bytes) and retained what it holds.

extension ExecuteTemplateArgs: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds `{workflow, template}` and keeps other members; `nil` hands the request to `init(from:)`.
    package init?(directJSON object: JSONTapeValue) {
        guard var members = object.members else { return nil }
        self.init(workflow: Workflow(metadata: ObjectMeta()), template: Template())
        var found = (workflow: false, template: false)
        var accepted = true
        while accepted, let (key, value) = members.next() {
            switch Self.directFields.field(key) {
            case .workflow?:
                accepted = value.build(into: &workflow)
                found.workflow = true
            case .template?:
                accepted = value.build(into: &template)
                found.template = true
            case nil: accepted = value.keep(as: key, in: &unknownFields)
            }
        }
        guard accepted, found.workflow, found.template else { return nil }
    }
}

extension NodePreExecuteArgs: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds `{workflow, template, node}` and keeps other members.
    package init?(directJSON object: JSONTapeValue) {
        guard var members = object.members else { return nil }
        self.init(workflow: Workflow(metadata: ObjectMeta()), template: Template(), node: NodeStatus())
        var found = (workflow: false, template: false, node: false)
        var accepted = true
        while accepted, let (key, value) = members.next() {
            switch Self.directFields.field(key) {
            case .workflow?:
                accepted = value.build(into: &workflow)
                found.workflow = true
            case .template?:
                accepted = value.build(into: &template)
                found.template = true
            case .node?:
                accepted = value.build(into: &node)
                found.node = true
            case nil: accepted = value.keep(as: key, in: &unknownFields)
            }
        }
        guard accepted, found.workflow, found.template, found.node else { return nil }
    }
}

extension Workflow: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the workflow's metadata and keeps every other member (spec, status...).
    package init?(directJSON object: JSONTapeValue) {
        guard var members = object.members else { return nil }
        self.init(metadata: ObjectMeta())
        var found = false
        var accepted = true
        while accepted, let (key, value) = members.next() {
            switch Self.directFields.field(key) {
            case .metadata?:
                accepted = value.build(into: &metadata)
                found = true
            case nil: accepted = value.keep(as: key, in: &unknownFields)
            }
        }
        guard accepted, found else { return nil }
    }
}

extension ObjectMeta: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the Kubernetes metadata; owner references and managed fields go through `Decodable`.
    package init?(directJSON object: JSONTapeValue) {
        guard var members = object.members else { return nil }
        self.init()
        var accepted = true
        while accepted, let (key, value) = members.next() {
            accepted =
                switch Self.directFields.field(key) {
                case .name?: value.fill(&name)
                case .namespace?: value.fill(&namespace)
                case .uid?: value.fill(&uid)
                case .generateName?: value.fill(&generateName)
                case .resourceVersion?: value.fill(&resourceVersion)
                case .generation?: value.fill(&generation)
                case .creationTimestamp?: value.fill(&creationTimestamp)
                case .deletionTimestamp?: value.fill(&deletionTimestamp)
                case .deletionGracePeriodSeconds?: value.fill(&deletionGracePeriodSeconds)
                case .labels?: value.fill(&labels)
                case .annotations?: value.fill(&annotations)
                case .ownerReferences?: value.fill(&ownerReferences)
                case .finalizers?: value.fill(&finalizers)
                case .managedFields?: value.fill(&managedFields)
                case .selfLink?: value.fill(&selfLink)
                case .clusterName?: value.fill(&clusterName)
                case nil: value.keep(as: key, in: &unknownFields)
                }
        }
        guard accepted else { return nil }
    }
}

extension Template: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the template; `memoize` goes through `Decodable`.
    package init?(directJSON object: JSONTapeValue) {
        guard var members = object.members else { return nil }
        self.init()
        var accepted = true
        while accepted, let (key, value) = members.next() {
            accepted =
                switch Self.directFields.field(key) {
                case .name?: value.fill(&name)
                case .inputs?: value.fillDirect(&inputs)
                case .outputs?: value.fillDirect(&outputs)
                case .metadata?: value.fillDirect(&metadata)
                case .plugin?: value.fill(&plugin)
                case .annotations?: value.fill(&annotations)
                case .nodeSelector?: value.fill(&nodeSelector)
                case .timeout?: value.fill(&timeout)
                case .activeDeadlineSeconds?: value.fill(&activeDeadlineSeconds)
                case .retryStrategy?: value.fillDirect(&retryStrategy)
                case .serviceAccountName?: value.fill(&serviceAccountName)
                case .automountServiceAccountToken?: value.fill(&automountServiceAccountToken)
                case .memoize?: value.fill(&memoize)
                case .daemon?: value.fill(&daemon)
                case .failFast?: value.fill(&failFast)
                case .parallelism?: value.fill(&parallelism)
                case .priority?: value.fill(&priority)
                case .priorityClassName?: value.fill(&priorityClassName)
                case .schedulerName?: value.fill(&schedulerName)
                case .podSpecPatch?: value.fill(&podSpecPatch)
                case .pendingTimeout?: value.fill(&pendingTimeout)
                case nil: value.keep(as: key, in: &unknownFields)
                }
        }
        guard accepted else { return nil }
    }
}

extension Metadata: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds a template's labels and annotations.
    package init?(directJSON object: JSONTapeValue) {
        guard var members = object.members else { return nil }
        self.init()
        var accepted = true
        while accepted, let (key, value) = members.next() {
            accepted =
                switch Self.directFields.field(key) {
                case .labels?: value.fill(&labels)
                case .annotations?: value.fill(&annotations)
                case nil: value.keep(as: key, in: &unknownFields)
                }
        }
        guard accepted else { return nil }
    }
}

extension Inputs: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the parameters; artifacts go through `Decodable`.
    package init?(directJSON object: JSONTapeValue) {
        guard var members = object.members else { return nil }
        self.init()
        var accepted = true
        while accepted, let (key, value) = members.next() {
            accepted =
                switch Self.directFields.field(key) {
                case .parameters?: value.fillDirectArray(&parameters)
                case .artifacts?: value.fill(&artifacts)
                case nil: value.keep(as: key, in: &unknownFields)
                }
        }
        guard accepted else { return nil }
    }
}

extension Outputs: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the parameters, result and exit code; artifacts go through `Decodable`.
    package init?(directJSON object: JSONTapeValue) {
        guard var members = object.members else { return nil }
        self.init()
        var accepted = true
        while accepted, let (key, value) = members.next() {
            accepted =
                switch Self.directFields.field(key) {
                case .parameters?: value.fillDirectArray(&parameters)
                case .artifacts?: value.fill(&artifacts)
                case .result?: value.fill(&result)
                case .exitCode?: value.fill(&exitCode)
                case nil: value.keep(as: key, in: &unknownFields)
                }
        }
        guard accepted else { return nil }
    }
}

extension Parameter: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds a parameter; `enum` and `valueFrom` go through `Decodable`, and so do values that are not strings.
    package init?(directJSON object: JSONTapeValue) {
        guard var members = object.members else { return nil }
        // Every member assigned here rather than through `init(name:...)`, whose defaults (an empty dictionary
        // literal among them) cost a call each and a copy of the whole 264-byte struct.
        name = ""
        value = nil
        self.default = nil
        description = nil
        self.enum = nil
        globalName = nil
        valueFrom = nil
        unknownFields = Dictionary()
        var named = false
        var accepted = true
        while accepted, let (key, value) = members.next() {
            switch Self.directFields.field(key) {
            case .name?:
                let text = value.string
                if let text { name = text }
                accepted = text != nil
                named = true
            case .value?: accepted = value.fillAnyString(&self.value)
            case .default?: accepted = value.fillAnyString(&self.default)
            case .description?: accepted = value.fillAnyString(&description)
            case .enum?: accepted = value.fill(&self.enum)
            case .globalName?: accepted = value.fill(&globalName)
            case .valueFrom?: accepted = value.fill(&valueFrom)
            case nil: accepted = value.keep(as: key, in: &unknownFields)
            }
        }
        guard accepted, named else { return nil }
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

extension RetryStrategy: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds a retry strategy (its backoff too).
    package init?(directJSON object: JSONTapeValue) {
        guard var members = object.members else { return nil }
        self.init()
        var accepted = true
        while accepted, let (key, value) = members.next() {
            accepted =
                switch Self.directFields.field(key) {
                case .limit?: value.fill(&limit)
                case .retryPolicy?: value.fill(&retryPolicy)
                case .backoff?: value.fillDirect(&backoff)
                case .expression?: value.fill(&expression)
                case .affinity?: value.fillJSONValue(&affinity)
                case nil: value.keep(as: key, in: &unknownFields)
                }
        }
        guard accepted else { return nil }
    }
}

extension Backoff: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds a retry backoff.
    package init?(directJSON object: JSONTapeValue) {
        guard var members = object.members else { return nil }
        self.init()
        var accepted = true
        while accepted, let (key, value) = members.next() {
            accepted =
                switch Self.directFields.field(key) {
                case .duration?: value.fill(&duration)
                case .factor?: value.fill(&factor)
                case .maxDuration?: value.fill(&maxDuration)
                case .cap?: value.fill(&cap)
                case nil: value.keep(as: key, in: &unknownFields)
                }
        }
        guard accepted else { return nil }
    }
}

extension NodeStatus: JSONDirectDecodable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds a node's status; template references, the node flag, memoization and synchronization go through
    /// `Decodable`.
    package init?(directJSON object: JSONTapeValue) {
        guard var members = object.members else { return nil }
        self.init()
        var accepted = true
        while accepted, let (key, value) = members.next() {
            accepted =
                switch Self.directFields.field(key) {
                case .id?: value.fill(&id)
                case .name?: value.fill(&name)
                case .displayName?: value.fill(&displayName)
                case .type?: value.fill(&type)
                case .templateName?: value.fill(&templateName)
                case .templateRef?: value.fill(&templateRef)
                case .templateScope?: value.fill(&templateScope)
                case .phase?: value.fill(&phase)
                case .message?: value.fill(&message)
                case .boundaryID?: value.fill(&boundaryID)
                case .startedAt?: value.fill(&startedAt)
                case .finishedAt?: value.fill(&finishedAt)
                case .estimatedDuration?: value.fill(&estimatedDuration)
                case .progress?: value.fill(&progress)
                case .resourcesDuration?: value.fill(&resourcesDuration)
                case .podIP?: value.fill(&podIP)
                case .daemoned?: value.fill(&daemoned)
                case .nodeFlag?: value.fill(&nodeFlag)
                case .inputs?: value.fillDirect(&inputs)
                case .outputs?: value.fillDirect(&outputs)
                case .children?: value.fill(&children)
                case .outboundNodes?: value.fill(&outboundNodes)
                case .hostNodeName?: value.fill(&hostNodeName)
                case .memoizationStatus?: value.fill(&memoizationStatus)
                case .synchronizationStatus?: value.fill(&synchronizationStatus)
                case nil: value.keep(as: key, in: &unknownFields)
                }
        }
        guard accepted else { return nil }
    }
}
