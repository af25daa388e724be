import Yams

/// The Kubernetes permissions a plugin declares in `rbac.yaml` beside `plugin.yaml`: the rules of the Role that
/// `argo-plugin build --rbac` binds to the plugin's service account.
///
/// A file of its own because Argo's `argo executor-plugin build` reads `plugin.yaml` strictly (unknown fields are
/// errors) and ignores every other file but `server.*`, so both tools accept the same folder:
///
/// ```yaml
/// # rbac.yaml: what the <name>-executor-plugin service account may do, in the workflow's namespace.
/// rules:
///   - apiGroups: [argoproj.io]
///     resources: [workflows]
///     verbs: [get]
///   - apiGroups: [""]
///     resources: [configmaps]
///     verbs: [get, create, patch]
/// ```
public struct PluginRBAC: Sendable, Equatable {
    /// The file's name inside the plugin folder.
    public static let fileName = "rbac.yaml"

    /// One Role rule, as Kubernetes' `PolicyRule`.
    public struct Rule: Sendable, Equatable {
        /// API groups; `""` is the core group.
        public var apiGroups: [String]
        /// Resources, e.g. `configmaps`, `workflows`, `workflowtasksets/status`.
        public var resources: [String]
        /// Verbs, e.g. `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`.
        public var verbs: [String]
        /// Object names the rule is limited to, if any.
        public var resourceNames: [String]

        /// Creates a rule.
        public init(apiGroups: [String], resources: [String], verbs: [String], resourceNames: [String] = []) {
            self.apiGroups = apiGroups
            self.resources = resources
            self.verbs = verbs
            self.resourceNames = resourceNames
        }

        /// The rule as a YAML mapping, members in Kubernetes' order.
        var yaml: YAMLValue {
            var fields: [String: YAMLValue] = [
                "apiGroups": .list(apiGroups.map(YAMLValue.string)),
                "resources": .list(resources.map(YAMLValue.string)),
                "verbs": .list(verbs.map(YAMLValue.string)),
            ]
            if !resourceNames.isEmpty { fields["resourceNames"] = .list(resourceNames.map(YAMLValue.string)) }
            return .mapping(fields)
        }
    }

    /// The rules, in file order.
    public var rules: [Rule]

    /// Verbs the API server knows (and `*`).
    static let verbs: Set<String> = [
        "get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "*",
    ]

    /// Creates a declaration from rules.
    public init(rules: [Rule]) {
        self.rules = rules
    }

    /// Reads `rbac.yaml`, strictly: unknown members, empty lists and unknown verbs are errors.
    public init(yaml: String) throws(ManifestError) {
        let parsed: Any?
        do {
            parsed = try Yams.load(yaml: yaml)
        } catch {
            throw ManifestError(field: "", message: "not valid YAML: \(error)")
        }
        guard let root = parsed as? [String: Any] else {
            throw ManifestError(field: "", message: "must be a mapping with a 'rules' list")
        }
        if let extra = root.keys.first(where: { $0 != "rules" }) {
            throw ManifestError(field: extra, message: "unknown field (only 'rules' is read)")
        }
        guard let list = root["rules"] as? [Any], !list.isEmpty else {
            throw ManifestError(field: "rules", message: "must be a non-empty list of Role rules")
        }
        var rules: [Rule] = []
        for (index, item) in list.enumerated() {
            let path = "rules[\(index)]"
            guard let fields = item as? [String: Any] else {
                throw ManifestError(field: path, message: "must be a mapping with apiGroups, resources and verbs")
            }
            let known: Set<String> = ["apiGroups", "resources", "verbs", "resourceNames"]
            if let extra = fields.keys.sorted().first(where: { !known.contains($0) }) {
                throw ManifestError(field: "\(path).\(extra)", message: "unknown field")
            }
            func strings(_ key: String, required: Bool) throws(ManifestError) -> [String] {
                guard let value = fields[key] else {
                    if required { throw ManifestError(field: "\(path).\(key)", message: "is mandatory") }
                    return []
                }
                guard let items = value as? [Any], items.allSatisfy({ $0 is String }) else {
                    throw ManifestError(field: "\(path).\(key)", message: "must be a list of strings (quote \"\" for the core group)")
                }
                let texts = items.compactMap { $0 as? String }
                if required && key != "apiGroups" && texts.isEmpty {
                    throw ManifestError(field: "\(path).\(key)", message: "must not be empty")
                }
                return texts
            }
            let rule = Rule(
                apiGroups: try strings("apiGroups", required: true), resources: try strings("resources", required: true),
                verbs: try strings("verbs", required: true), resourceNames: try strings("resourceNames", required: false))
            if rule.apiGroups.isEmpty {
                throw ManifestError(field: "\(path).apiGroups", message: "must not be empty: use [\"\"] for the core group")
            }
            if let verb = rule.verbs.first(where: { !Self.verbs.contains($0) }) {
                throw ManifestError(
                    field: "\(path).verbs", message: "unknown verb '\(verb)' (one of \(Self.verbs.sorted().joined(separator: ", ")))")
            }
            rules.append(rule)
        }
        self.rules = rules
    }
}
