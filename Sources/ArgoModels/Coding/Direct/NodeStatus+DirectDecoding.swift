import PluginJSON

// The controller's `node.preExecute` arguments and the template members with structure of their own fill
// themselves too (see `RequestDirectDecoding.swift`).

extension NodePreExecuteArgs: DirectFillable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the value (see ``DirectFillable``); `nil` hands the input to `init(from:)`.
    package init?(directJSON object: JSONTapeValue) {
        self.init(directEmpty: ())
        guard fill(directJSON: object) else { return nil }
    }

    init(directEmpty: Void) {
        workflow = Workflow(directEmpty: ())
        template = Template(directEmpty: ())
        node = NodeStatus(directEmpty: ())
        unknownFields = Dictionary()
    }

    /// Fills `{workflow, template, node}` and keeps other members.
    mutating func fill(directJSON object: JSONTapeValue) -> Bool {
        guard var members = object.members else { return false }
        var found = 0
        var accepted = true
        while accepted, let (key, value) = members.next() {
            switch Self.directFields.field(key) {
            case .workflow?:
                accepted = value.build(into: &workflow)
                found += 1
            case .template?:
                accepted = value.build(into: &template)
                found += 1
            case .node?:
                accepted = value.build(into: &node)
                found += 1
            case nil: accepted = value.keep(as: key, in: &unknownFields)
            }
        }
        // Keys are unique (the reader refuses duplicates), so every required member was found once.
        return accepted && found == 3
    }
}

extension NodeStatus: DirectFillable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the value (see ``DirectFillable``); `nil` hands the input to `init(from:)`.
    package init?(directJSON object: JSONTapeValue) {
        self.init(directEmpty: ())
        guard fill(directJSON: object) else { return nil }
    }

    init(directEmpty: Void) {
        id = nil
        name = nil
        displayName = nil
        type = nil
        templateName = nil
        templateRef = nil
        templateScope = nil
        phase = nil
        message = nil
        boundaryID = nil
        startedAt = nil
        finishedAt = nil
        estimatedDuration = nil
        progress = nil
        resourcesDuration = nil
        podIP = nil
        daemoned = nil
        nodeFlag = nil
        inputs = nil
        outputs = nil
        children = nil
        outboundNodes = nil
        hostNodeName = nil
        memoizationStatus = nil
        synchronizationStatus = nil
        unknownFields = Dictionary()
    }

    /// Fills a node's status; template references, the node flag, memoization and synchronization go through
    /// `Decodable`.
    mutating func fill(directJSON object: JSONTapeValue) -> Bool {
        guard var members = object.members else { return false }
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
        return accepted
    }
}

extension RetryStrategy: DirectFillable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the value (see ``DirectFillable``); `nil` hands the input to `init(from:)`.
    package init?(directJSON object: JSONTapeValue) {
        self.init(directEmpty: ())
        guard fill(directJSON: object) else { return nil }
    }

    init(directEmpty: Void) {
        limit = nil
        retryPolicy = nil
        backoff = nil
        expression = nil
        affinity = nil
        unknownFields = Dictionary()
    }

    /// Fills a retry strategy (its backoff too).
    mutating func fill(directJSON object: JSONTapeValue) -> Bool {
        guard var members = object.members else { return false }
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
        return accepted
    }
}

extension Backoff: DirectFillable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the value (see ``DirectFillable``); `nil` hands the input to `init(from:)`.
    package init?(directJSON object: JSONTapeValue) {
        self.init(directEmpty: ())
        guard fill(directJSON: object) else { return nil }
    }

    init(directEmpty: Void) {
        duration = nil
        factor = nil
        maxDuration = nil
        cap = nil
        unknownFields = Dictionary()
    }

    /// Fills a retry backoff.
    mutating func fill(directJSON object: JSONTapeValue) -> Bool {
        guard var members = object.members else { return false }
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
        return accepted
    }
}
