/// Runs every check of Argo's plugin contract against one plugin server, black box, over HTTP.
///
/// ```swift
/// let target = try ConformTarget(url: "http://127.0.0.1:4355", token: token, timeout: PluginKind.executor.argoTimeout)
/// let report = await ConformRun(target: target, kind: .executor, sample: .plugin(key: "hello")).run()
/// print(report.text)
/// ```
public struct ConformRun: Sendable {
    /// The plugin server.
    public var target: ConformTarget
    /// Which contract to check.
    public var kind: PluginKind
    /// The calls to make: for an executor plugin a template it handles.
    public var sample: ConformSample

    /// Creates a run.
    public init(target: ConformTarget, kind: PluginKind, sample: ConformSample) {
        self.target = target
        self.kind = kind
        self.sample = sample
    }

    /// Every check, in order. A server that cannot be reached fails the first check and no other runs.
    public func run() async -> ConformReport {
        var report = ConformReport(url: target.url, kind: kind.rawValue)
        switch kind {
        case .executor:
            await executorChecks(into: &report)
        case .controller:
            await controllerChecks(into: &report)
        }
        return report
    }

    /// The method and body most checks send: the sample's `template.execute`, or the first hook served.
    struct Probe: Sendable {
        var rpc: String
        var body: [UInt8]

        func request(_ credential: ConformRequest.Credential = .valid) -> ConformRequest {
            .rpc(rpc, body: body, credential: credential)
        }
    }

    func executorChecks(into report: inout ConformReport) async {
        let probe = Probe(rpc: "template.execute", body: sample.executeBody)
        let first = await target.exchange(probe.request())
        guard reachable(first, into: &report) else { return }
        judgeSample(first, into: &report)
        await foreignTemplateCheck(into: &report)
        await tokenChecks(probe, into: &report)
        await robustnessChecks(probe, into: &report)
    }

    /// Records whether the server answered at all; `false` stops the run.
    func reachable(_ exchange: Exchange, into report: inout ConformReport) -> Bool {
        let refused = exchange.failure == .connect
        report.add(
            ConformCheck(
                "reachable", "the server accepts connections at \(target.url)", exchange,
                problem: refused ? "nothing accepts connections there: is the plugin running, on this port?" : nil))
        return !refused
    }
}
