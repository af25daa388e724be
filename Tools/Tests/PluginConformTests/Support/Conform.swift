import PluginConform

/// Runs conform as the CLI does, against `url`, with Argo's timeout for `kind` (or `timeout`).
func conform(
    _ url: String, token: String, kind: PluginKind = .executor, sample: ConformSample = .plugin(key: "contract"),
    timeout: Duration? = nil
) async throws -> ConformReport {
    let target = try ConformTarget(url: url, token: token, timeout: timeout ?? kind.argoTimeout)
    return await ConformRun(target: target, kind: kind, sample: sample).run()
}

extension ConformReport {
    /// The ids of the failed checks.
    var failedIDs: Set<String> { Set(failures.map(\.id)) }

    /// The failed check `id`.
    func failure(_ id: String) -> ConformCheck? { failures.first { $0.id == id } }
}

/// Every check of a run against a plugin that breaks no rule, in order.
enum CheckIDs {
    static let executor = [
        "reachable", "sample", "reply-types", "reply-node", "known-phase", "failure-message", "requeue",
        "foreign-template", "token-missing", "token-wrong", "token-any-template", "token-before-body",
        "unknown-method", "bad-json", "wrong-types", "alive", "keep-alive", "concurrent", "slow-client",
    ]
    static let controller =
        ["reachable"] + ContractServer.hooks.map { "hook-\($0)" } + [
            "hooks-served", "token-wrong", "token-before-body", "unknown-method", "bad-json", "wrong-types", "alive",
            "keep-alive", "concurrent", "slow-client",
        ]
}
