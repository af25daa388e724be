/// A stable key for one plugin call's *work*, so a plugin can tell a re-sent call from a new one.
///
/// Argo sends no node ID with `template.execute`, and re-sends the same call after client timeouts (30 s), agent
/// restarts and requeues. The key is the hex SHA-256 of a canonical JSON array of:
///
/// 1. the workflow's UID (`metadata.uid`; `namespace/name` when Argo sent no UID),
/// 2. the template's name,
/// 3. the input parameters as `[name, value]` pairs sorted by name (`value`, else `default`),
/// 4. the plugin's configuration: `template.plugin.<pluginKey>`, or the whole `plugin` object when no key is
///    given, with object keys sorted.
///
/// ```swift
/// func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
///     let key = context.idempotencyKey(pluginKey: Self.key)
///     try await slack.post(text, idempotencyKey: key.hex)
/// }
/// ```
///
/// ## Limits
/// - Two nodes of one workflow that run the same template with the same inputs and configuration share a key
///   (e.g. a step called twice with equal arguments). Give them different inputs or template names if both must
///   act.
/// - Retries of a node under `retryStrategy` share the key: the key names the work, not the attempt. A plugin
///   that caches successes must not cache failures, or retries would never act again.
/// - `withItems`/`withParam` expansions and pod-per-item loops differ only by their inputs: their keys differ
///   when the item is an input parameter, and collide when it is not.
/// - Resubmitting or retrying a whole workflow (`argo retry`, `argo resubmit`) gets a new UID, so a new key.
/// - Input artifacts are not part of the key.
public struct IdempotencyKey: Sendable, Hashable, CustomStringConvertible {
    /// 64 lower-case hex digits.
    public let hex: String

    /// The key of a `template.execute` call; `pluginKey` selects the configuration under `template.plugin`.
    public init(args: ExecuteTemplateArgs, pluginKey: String? = nil) {
        self.init(workflow: args.workflow, template: args.template, pluginKey: pluginKey)
    }

    /// The key of a call about `template` in `workflow`.
    public init(workflow: Workflow?, template: Template?, pluginKey: String? = nil) {
        let meta = workflow?.metadata
        let workflowID = meta?.uid ?? "\(meta?.namespace ?? "")/\(meta?.name ?? "")"
        var pairs: [(name: String, value: String?)] = []
        for parameter in template?.inputs?.parameters ?? [] {
            pairs.append((parameter.name, (parameter.value ?? parameter.default)?.string))
        }
        pairs.sort { $0.name == $1.name ? ($0.value ?? "") < ($1.value ?? "") : $0.name < $1.name }
        let parameters: [JSONValue] = pairs.map { pair in
            let value: JSONValue = pair.value.map { .string($0) } ?? .null
            return .array([.string(pair.name), value])
        }
        let config: JSONValue
        if let pluginKey {
            config = template?.plugin?[pluginKey] ?? .null
        } else {
            config = template?.plugin.map(JSONValue.object) ?? .null
        }
        let material = JSONValue.array([
            .string("argo-plugin-idempotency/v1"), .string(workflowID), .string(template?.name ?? ""),
            .array(parameters), config,
        ])
        self.hex = SHA256.hex(CanonicalJSON.bytes(material))
    }

    /// The hex digest.
    public var description: String { hex }

    /// The first `length` hex digits, for services that limit key length (collisions stay unlikely above 16).
    public func prefix(_ length: Int) -> String { String(hex.prefix(length)) }
}

extension PluginContext {
    /// The ``IdempotencyKey`` of this call's workflow and template, with `pluginKey`'s configuration.
    public func idempotencyKey(pluginKey: String? = nil) -> IdempotencyKey {
        IdempotencyKey(workflow: workflow, template: template, pluginKey: pluginKey)
    }
}
