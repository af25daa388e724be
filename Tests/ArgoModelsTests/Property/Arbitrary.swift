@testable import ArgoModels

/// Random valid model instances for property tests. Every optional member is present or absent at random, and
/// every object carries random unknown members (keys prefixed `x-` so they never collide with typed keys).
struct Arbitrary {
    var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    mutating func bool() -> Bool { Bool.random(using: &random) }

    mutating func maybe<T>(_ make: (inout Arbitrary) -> T) -> T? {
        bool() ? make(&self) : nil
    }

    mutating func int(_ range: ClosedRange<Int64> = -1_000_000...1_000_000) -> Int64 {
        Int64.random(in: range, using: &random)
    }

    /// Text with the characters JSON and Argo make interesting: quotes, slashes, escapes, templates, Unicode.
    mutating func string() -> String {
        let pieces = [
            "a", "build", "{{inputs.parameters.x}}", "\"", "\\", "/", "\n", "\t", "ü", "状态", "✓", "😀", " ", "&", "<",
            "0",
            "",
        ]
        let count = Int.random(in: 0...6, using: &random)
        return (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    mutating func array<T>(_ make: (inout Arbitrary) -> T) -> [T] {
        (0..<Int.random(in: 0...3, using: &random)).map { _ in make(&self) }
    }

    mutating func map<T>(_ make: (inout Arbitrary) -> T) -> [String: T] {
        var result: [String: T] = [:]
        for _ in 0..<Int.random(in: 0...3, using: &random) { result[string()] = make(&self) }
        return result
    }

    /// A JSON value up to `depth` levels deep. Numbers are integers or have a fraction, so they read back as the
    /// same case of `JSONValue`.
    mutating func json(depth: Int = 2) -> JSONValue {
        switch Int.random(in: 0...(depth > 0 ? 6 : 4), using: &random) {
        case 0: return .null
        case 1: return .bool(bool())
        case 2: return .integer(int(Int64.min...Int64.max))
        case 3: return .number(Double(int(-1000...1000)) + 0.5)
        case 4: return .string(string())
        case 5: return .array(array { $0.json(depth: depth - 1) })
        default: return .object(map { $0.json(depth: depth - 1) })
        }
    }

    mutating func unknownFields() -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for _ in 0..<Int.random(in: 0...2, using: &random) { fields["x-" + string()] = json() }
        return fields
    }

    mutating func anyString() -> AnyString { AnyString(string()) }

    mutating func intOrString() -> IntOrString { bool() ? .int(int()) : .string(string()) }

    mutating func phase() -> NodePhase {
        bool() ? NodePhase.allCases.randomElement(using: &random)! : .unknown("Phase" + string())
    }

    mutating func nodeType() -> NodeType {
        bool() ? NodeType.allCases.randomElement(using: &random)! : .unknown("Type" + string())
    }

    mutating func duration() -> GoDuration { GoDuration(nanoseconds: int(Int64.min...Int64.max)) }

    mutating func objectMeta() -> ObjectMeta {
        ObjectMeta(
            name: maybe { $0.string() }, generateName: maybe { $0.string() }, namespace: maybe { $0.string() },
            uid: maybe { $0.string() }, resourceVersion: maybe { $0.string() }, generation: maybe { $0.int() },
            creationTimestamp: maybe { _ in "2026-10-27T09:14:03Z" }, deletionTimestamp: maybe { $0.string() },
            deletionGracePeriodSeconds: maybe { $0.int() }, labels: maybe { $0.map { $0.string() } },
            annotations: maybe { $0.map { $0.string() } },
            ownerReferences: maybe {
                $0.array {
                    OwnerReference(
                        apiVersion: $0.maybe { $0.string() }, kind: $0.maybe { $0.string() }, name: $0.string(),
                        uid: $0.string(), controller: $0.maybe { $0.bool() },
                        blockOwnerDeletion: $0.maybe { $0.bool() },
                        unknownFields: $0.unknownFields()
                    )
                }
            },
            finalizers: maybe { $0.array { $0.string() } },
            managedFields: maybe {
                $0.array {
                    ManagedFieldsEntry(
                        manager: $0.string(), operation: "Update", time: $0.maybe { $0.string() },
                        fieldsV1: $0.maybe { $0.json() }, unknownFields: $0.unknownFields()
                    )
                }
            },
            unknownFields: unknownFields()
        )
    }

    mutating func parameter() -> Parameter {
        Parameter(
            name: string(), value: maybe { $0.anyString() }, default: maybe { $0.anyString() },
            description: maybe { $0.anyString() }, enum: maybe { $0.array { $0.anyString() } },
            globalName: maybe { $0.string() },
            valueFrom: maybe {
                ValueFrom(
                    path: $0.maybe { $0.string() }, expression: $0.maybe { $0.string() },
                    default: $0.maybe { $0.anyString() }, unknownFields: $0.unknownFields()
                )
            },
            unknownFields: unknownFields()
        )
    }

    mutating func artifact() -> Artifact {
        Artifact(
            name: maybe { $0.string() }, path: maybe { $0.string() }, mode: maybe { $0.int(0...0o777) },
            from: maybe { $0.string() }, optional: maybe { $0.bool() }, unknownFields: unknownFields()
        )
    }

    mutating func inputs() -> Inputs {
        Inputs(
            parameters: maybe { $0.array { $0.parameter() } }, artifacts: maybe { $0.array { $0.artifact() } },
            unknownFields: unknownFields()
        )
    }

    mutating func outputs() -> Outputs {
        Outputs(
            parameters: maybe { $0.array { $0.parameter() } }, artifacts: maybe { $0.array { $0.artifact() } },
            result: maybe { $0.string() }, exitCode: maybe { String($0.int(0...255)) }, unknownFields: unknownFields()
        )
    }

    mutating func template() -> Template {
        Template(
            name: maybe { $0.string() }, inputs: maybe { $0.inputs() }, outputs: maybe { $0.outputs() },
            metadata: maybe {
                Metadata(labels: $0.maybe { $0.map { $0.string() } }, annotations: $0.maybe { $0.map { $0.string() } })
            },
            plugin: maybe { $0.map { $0.json() } }, nodeSelector: maybe { $0.map { $0.string() } },
            timeout: maybe { $0.string() }, activeDeadlineSeconds: maybe { $0.intOrString() },
            retryStrategy: maybe {
                RetryStrategy(
                    limit: $0.maybe { $0.intOrString() }, retryPolicy: $0.maybe { $0.string() },
                    backoff: $0.maybe {
                        Backoff(duration: $0.maybe { $0.string() }, factor: $0.maybe { $0.intOrString() })
                    },
                    unknownFields: $0.unknownFields()
                )
            },
            serviceAccountName: maybe { $0.string() }, memoize: maybe { Memoize(key: $0.string(), maxAge: "1h") },
            parallelism: maybe { $0.int() }, unknownFields: unknownFields()
        )
    }

    mutating func nodeResult() -> NodeResult {
        NodeResult(
            phase: maybe { $0.phase() }, message: maybe { $0.string() }, outputs: maybe { $0.outputs() },
            progress: maybe { NodeProgress(completed: $0.int(0...10), total: $0.int(0...10)) },
            unknownFields: unknownFields()
        )
    }

    mutating func nodeStatus() -> NodeStatus {
        NodeStatus(
            id: maybe { $0.string() }, name: maybe { $0.string() }, displayName: maybe { $0.string() },
            type: maybe { $0.nodeType() },
            templateRef: maybe { TemplateRef(name: $0.string(), template: $0.string(), clusterScope: $0.bool()) },
            phase: maybe { $0.phase() }, message: maybe { $0.string() }, startedAt: maybe { $0.string() },
            finishedAt: maybe { $0.string() }, estimatedDuration: maybe { $0.int() },
            progress: maybe { NodeProgress($0.string()) }, resourcesDuration: maybe { $0.map { $0.int() } },
            daemoned: maybe { $0.bool() }, nodeFlag: maybe { NodeFlag(hooked: $0.bool(), retried: $0.bool()) },
            inputs: maybe { $0.inputs() }, outputs: maybe { $0.outputs() },
            children: maybe { $0.array { $0.string() } },
            memoizationStatus: maybe { MemoizationStatus(hit: $0.bool(), key: $0.string()) },
            synchronizationStatus: maybe { NodeSynchronizationStatus(waiting: $0.string()) },
            unknownFields: unknownFields()
        )
    }

    mutating func workflow() -> Workflow {
        Workflow(metadata: objectMeta(), unknownFields: unknownFields())
    }
}
