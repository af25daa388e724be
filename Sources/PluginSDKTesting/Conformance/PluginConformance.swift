import PluginSDK

/// Argo's plugin contract as one call: run it in a test against your own plugin.
///
/// ```swift
/// @Test func followsArgosContract() async throws {
///     try await PluginConformance.check(Hello(), samples: [.fixture(plugin: "hello")])
/// }
/// ```
///
/// On each transport (in-process and live by default) it checks that:
/// - the token is required and exact: no header, a wrong token, the token in another case, a lower-case
///   `bearer` scheme and a trailing space are all refused with 403, on served and unknown paths alike;
/// - every method outside the plugin's `servedMethods`, and unknown paths, answer 404 (Argo then stops calling them);
/// - a verb other than POST is refused with a 4xx;
/// - a template for another plugin gets `{}` (no node, no requeue), so the plugin never claims foreign work;
/// - each sample gets 200 and a reply that decodes as `ExecuteTemplateReply`, with a node, a known phase, a
///   message on `Failed`/`Error`, no `requeue` on terminal phases and a positive one on `Running`/`Pending`;
/// - every served controller hook answers its fixture with 200 and a reply that decodes as its model;
/// - malformed bodies (empty, truncated, not an object, wrong types, missing fields, invalid UTF-8, absurd
///   nesting) are answered 4xx, and the plugin still answers a valid call afterwards.
///
/// Failures are reported by throwing ``ConformanceFailure``, whose description lists every failed check: a
/// thrown error fails a Swift Testing test (and an XCTest) with that text, and the suite needs no test framework
/// itself. On success the ``ConformanceReport`` is returned, e.g. to print or to inspect notes.
public enum PluginConformance {
    /// Runs every check against `plugin`.
    ///
    /// - Parameters:
    ///   - plugin: the plugin under test; a fresh server is started for it on each transport.
    ///   - samples: `template.execute` arguments the plugin should execute (claim and answer with a node). When
    ///     empty and the plugin is a `TemplatePlugin`, one sample with its key and an empty configuration is
    ///     used; such a sample may well answer `Failed` (parameters missing), which is a valid reply.
    ///     Each sample runs once on the plugin directly (for the notes) and once per transport, so a sample with a
    ///     side effect should be aimed at a stand-in, or the plugin should be idempotent (`IdempotencyLedger`).
    ///   - transports: where to run the checks; both by default.
    ///   - configuration: the plugin's configuration (call timeout, default requeue, ...).
    @discardableResult
    public static func check<P: Plugin>(
        _ plugin: P, samples: [ExecuteTemplateArgs] = [],
        transports: [PluginTestClient.Transport] = PluginTestClient.Transport.allCases,
        configuration: PluginConfiguration = PluginConfiguration()
    ) async throws -> ConformanceReport {
        var samples = samples
        if samples.isEmpty, let key = (plugin as? any TemplatePlugin).map({ type(of: $0).key }) {
            samples = [.fixture(plugin: key)]
        }
        var report = ConformanceReport()
        await ConformanceRun.notes(for: plugin, samples: samples, into: &report)
        for transport in transports {
            let client = try PluginTestClient.make(plugin, transport: transport, configuration: configuration)
            let run = ConformanceRun(
                client: client, methods: plugin.servedMethods, samples: samples,
                hooksWithoutToken: configuration.controllerHooksWithoutToken)
            await run.all(into: &report)
            await client.close()
        }
        guard report.passed else { throw ConformanceFailure(report: report) }
        return report
    }

    /// Runs every check with one sample.
    @discardableResult
    public static func check<P: Plugin>(
        _ plugin: P, sample: ExecuteTemplateArgs,
        transports: [PluginTestClient.Transport] = PluginTestClient.Transport.allCases
    ) async throws -> ConformanceReport {
        try await check(plugin, samples: [sample], transports: transports)
    }
}
