import PluginJSON

// The request objects a plugin decodes on every call fill themselves from the parsed document (see
// `JSONDirectDecodable` and `DirectFillable`): one pass over the members that are present, typed members by key
// through their `CodingKeys` (`DirectFields`), everything else kept in `unknownFields`. Members with their own
// structure (template references, artifacts...) are decoded through `Decodable` for that member only. Anything not
// exactly as `init(from:)` would have it (a type mismatch, an escaped key) gives `nil`, and the decoder takes the
// `Decodable` route for the whole request, which reports the error. `RequestDirectDecodingTests` compares both routes
// value for value, and `ModelFieldTests` checks each table knows every member.
//
// Builders fill `self` in place, in a plain loop over the members that stops at the first refusal: building locals
// and assigning them at the end, filling `self` from a closure, or returning from inside the loop made the compiler
// copy whole structs and retain what they hold.

extension ExecuteTemplateArgs: DirectFillable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the value (see ``DirectFillable``); `nil` hands the input to `init(from:)`.
    package init?(directJSON object: JSONTapeValue) {
        self.init(directEmpty: ())
        guard fill(directJSON: object) else { return nil }
    }

    init(directEmpty: Void) {
        workflow = Workflow(directEmpty: ())
        template = Template(directEmpty: ())
        unknownFields = Dictionary()
    }

    /// Fills `{workflow, template}` and keeps other members; `nil` from `init?(directJSON:)` hands the request to
    /// `init(from:)`.
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
            case nil: accepted = value.keep(as: key, in: &unknownFields)
            }
        }
        // Keys are unique (the reader refuses duplicates), so every required member was found once.
        return accepted && found == 2
    }
}

extension Workflow: DirectFillable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the value (see ``DirectFillable``); `nil` hands the input to `init(from:)`.
    package init?(directJSON object: JSONTapeValue) {
        self.init(directEmpty: ())
        guard fill(directJSON: object) else { return nil }
    }

    init(directEmpty: Void) {
        metadata = ObjectMeta(directEmpty: ())
        unknownFields = Dictionary()
    }

    /// Fills the workflow's metadata and keeps every other member (spec, status...).
    mutating func fill(directJSON object: JSONTapeValue) -> Bool {
        guard var members = object.members else { return false }
        var found = 0
        var accepted = true
        while accepted, let (key, value) = members.next() {
            switch Self.directFields.field(key) {
            case .metadata?:
                accepted = value.build(into: &metadata)
                found += 1
            case nil: accepted = value.keep(as: key, in: &unknownFields)
            }
        }
        // Keys are unique (the reader refuses duplicates), so every required member was found once.
        return accepted && found == 1
    }
}

extension ObjectMeta: DirectFillable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the value (see ``DirectFillable``); `nil` hands the input to `init(from:)`.
    package init?(directJSON object: JSONTapeValue) {
        self.init(directEmpty: ())
        guard fill(directJSON: object) else { return nil }
    }

    init(directEmpty: Void) {
        name = nil
        namespace = nil
        uid = nil
        generateName = nil
        resourceVersion = nil
        generation = nil
        creationTimestamp = nil
        deletionTimestamp = nil
        deletionGracePeriodSeconds = nil
        labels = nil
        annotations = nil
        ownerReferences = nil
        finalizers = nil
        managedFields = nil
        selfLink = nil
        clusterName = nil
        unknownFields = Dictionary()
    }

    /// Fills the Kubernetes metadata; owner references and managed fields go through `Decodable`.
    mutating func fill(directJSON object: JSONTapeValue) -> Bool {
        guard var members = object.members else { return false }
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
        return accepted
    }
}

extension Template: DirectFillable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the value (see ``DirectFillable``); `nil` hands the input to `init(from:)`.
    package init?(directJSON object: JSONTapeValue) {
        self.init(directEmpty: ())
        guard fill(directJSON: object) else { return nil }
    }

    init(directEmpty: Void) {
        name = nil
        inputs = nil
        outputs = nil
        metadata = nil
        plugin = nil
        annotations = nil
        nodeSelector = nil
        timeout = nil
        activeDeadlineSeconds = nil
        retryStrategy = nil
        serviceAccountName = nil
        automountServiceAccountToken = nil
        memoize = nil
        daemon = nil
        failFast = nil
        parallelism = nil
        priority = nil
        priorityClassName = nil
        schedulerName = nil
        podSpecPatch = nil
        pendingTimeout = nil
        unknownFields = Dictionary()
    }

    /// Fills the template; `memoize` goes through `Decodable`.
    mutating func fill(directJSON object: JSONTapeValue) -> Bool {
        guard var members = object.members else { return false }
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
        return accepted
    }
}

extension Metadata: DirectFillable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the value (see ``DirectFillable``); `nil` hands the input to `init(from:)`.
    package init?(directJSON object: JSONTapeValue) {
        self.init(directEmpty: ())
        guard fill(directJSON: object) else { return nil }
    }

    init(directEmpty: Void) {
        labels = nil
        annotations = nil
        unknownFields = Dictionary()
    }

    /// Fills a template's labels and annotations.
    mutating func fill(directJSON object: JSONTapeValue) -> Bool {
        guard var members = object.members else { return false }
        var accepted = true
        while accepted, let (key, value) = members.next() {
            accepted =
                switch Self.directFields.field(key) {
                case .labels?: value.fill(&labels)
                case .annotations?: value.fill(&annotations)
                case nil: value.keep(as: key, in: &unknownFields)
                }
        }
        return accepted
    }
}

extension Inputs: DirectFillable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the value (see ``DirectFillable``); `nil` hands the input to `init(from:)`.
    package init?(directJSON object: JSONTapeValue) {
        self.init(directEmpty: ())
        guard fill(directJSON: object) else { return nil }
    }

    init(directEmpty: Void) {
        parameters = nil
        artifacts = nil
        unknownFields = Dictionary()
    }

    /// Fills the parameters; artifacts go through `Decodable`.
    mutating func fill(directJSON object: JSONTapeValue) -> Bool {
        guard var members = object.members else { return false }
        var accepted = true
        while accepted, let (key, value) = members.next() {
            accepted =
                switch Self.directFields.field(key) {
                case .parameters?: value.fillDirectArray(&parameters)
                case .artifacts?: value.fill(&artifacts)
                case nil: value.keep(as: key, in: &unknownFields)
                }
        }
        return accepted
    }
}

extension Outputs: DirectFillable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the value (see ``DirectFillable``); `nil` hands the input to `init(from:)`.
    package init?(directJSON object: JSONTapeValue) {
        self.init(directEmpty: ())
        guard fill(directJSON: object) else { return nil }
    }

    init(directEmpty: Void) {
        parameters = nil
        artifacts = nil
        result = nil
        exitCode = nil
        unknownFields = Dictionary()
    }

    /// Fills the parameters, result and exit code; artifacts go through `Decodable`.
    mutating func fill(directJSON object: JSONTapeValue) -> Bool {
        guard var members = object.members else { return false }
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
        return accepted
    }
}

extension Parameter: DirectFillable {
    static let directFields = DirectFields<CodingKeys>()

    /// Builds the value (see ``DirectFillable``); `nil` hands the input to `init(from:)`.
    package init?(directJSON object: JSONTapeValue) {
        self.init(directEmpty: ())
        guard fill(directJSON: object) else { return nil }
    }

    init(directEmpty: Void) {
        name = ""
        value = nil
        self.default = nil
        description = nil
        self.enum = nil
        globalName = nil
        valueFrom = nil
        unknownFields = Dictionary()
    }

    /// Fills a parameter; `enum` and `valueFrom` go through `Decodable`, and so do values that are not strings.
    mutating func fill(directJSON object: JSONTapeValue) -> Bool {
        guard var members = object.members else { return false }
        var found = 0
        var accepted = true
        while accepted, let (key, value) = members.next() {
            switch Self.directFields.field(key) {
            case .name?:
                let text = value.string
                if let text { name = text }
                accepted = text != nil
                found += 1
            case .value?: accepted = value.fillAnyString(&self.value)
            case .`default`?: accepted = value.fillAnyString(&self.default)
            case .description?: accepted = value.fillAnyString(&description)
            case .`enum`?: accepted = value.fill(&self.enum)
            case .globalName?: accepted = value.fill(&globalName)
            case .valueFrom?: accepted = value.fill(&valueFrom)
            case nil: accepted = value.keep(as: key, in: &unknownFields)
            }
        }
        // Keys are unique (the reader refuses duplicates), so every required member was found once.
        return accepted && found == 1
    }
}
