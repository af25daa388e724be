import PluginSDK

/// The checks of ``PluginConformance`` on one client. Each check records a pass or a failure with the evidence.
struct ConformanceRun: Sendable {
    let client: PluginTestClient
    let methods: Set<PluginMethod>
    let samples: [ExecuteTemplateArgs]
    let hooksWithoutToken: Bool

    var transport: PluginTestClient.Transport { client.transport }

    func all(into report: inout ConformanceReport) async {
        await tokenChecks(into: &report)
        await routingChecks(into: &report)
        await foreignTemplateCheck(into: &report)
        await sampleChecks(into: &report)
        await hookChecks(into: &report)
        await malformedChecks(into: &report)
    }

    /// The method used to probe auth: `template.execute` when served, else the first hook served.
    var probeMethod: PluginMethod {
        methods.contains(.templateExecute)
            ? .templateExecute : methods.sorted { $0.rawValue < $1.rawValue }.first ?? .templateExecute
    }

    /// Calls and turns a transport failure (no reply at all) into a failure text.
    func attempt(
        verb: String = "POST", path: String, body: [UInt8], credentials: TestCredentials = .valid
    ) async -> CallOutcome {
        do {
            return .reply(try await client.call(verb: verb, path: path, body: body, credentials: credentials))
        } catch {
            return .noReply("no reply: \(error)")
        }
    }

    /// `got 200: {"node":...}` for failure messages, body truncated.
    static func show(_ result: PluginCallResult) -> String {
        "got \(result.status): \(String(result.text.prefix(300)))"
    }

    func tokenChecks(into report: inout ConformanceReport) async {
        let token = client.token
        let method = probeMethod
        var cases: [(String, TestCredentials)] = [
            ("a wrong token is refused with 403", .token("not-the-\(token)")),
            ("the token in another letter case is refused with 403", .token(token.uppercased())),
            ("a lower-case 'bearer' scheme is refused with 403", .header("bearer \(token)")),
            ("the token with a trailing space is refused with 403", .header("Bearer \(token) ")),
            ("the token without the 'Bearer' scheme is refused with 403", .header(token)),
        ]
        if !(hooksWithoutToken && method.isControllerHook) {
            cases.insert(("a call without Authorization is refused with 403", .none), at: 0)
        }
        let body = Array(#"{"workflow":{"metadata":{"name":"x"}},"template":{"name":"x"}}"#.utf8)
        for (name, credentials) in cases {
            let outcome = await attempt(path: method.path, body: body, credentials: credentials)
            report.record("\(name) (\(method))", transport, failure: expect(outcome, status: 403))
        }
        let unknown = await attempt(path: "/api/v1/no.such.method", body: [123, 125], credentials: .token("wrong"))
        report.record(
            "an unknown path with a wrong token is refused with 403, not 404", transport,
            failure: expect(unknown, status: 403))
        let valid = await attempt(path: method.path, body: body, credentials: .valid)
        report.record(
            "the exact token is accepted (\(method))", transport,
            failure: valid.problem { $0.status == 403 ? "the valid token was refused: \(Self.show($0))" : nil })
    }

    func routingChecks(into report: inout ConformanceReport) async {
        for method in PluginMethod.allCases where !methods.contains(method) {
            let outcome = await attempt(path: method.path, body: Array("{}".utf8))
            report.record(
                "unserved method \(method) answers 404 (Argo then stops calling it)", transport,
                failure: expect(outcome, status: 404))
        }
        let unknown = await attempt(path: "/api/v1/no.such.method", body: Array("{}".utf8))
        report.record("an unknown method path answers 404", transport, failure: expect(unknown, status: 404))
        let get = await attempt(verb: "GET", path: probeMethod.path, body: [])
        report.record(
            "GET on \(probeMethod) is refused with a 4xx", transport,
            failure: get.problem { (400..<500).contains($0.status) ? nil : "expected 4xx, \(Self.show($0))" })
    }

    func foreignTemplateCheck(into report: inout ConformanceReport) async {
        guard methods.contains(.templateExecute) else { return }
        let args = ExecuteTemplateArgs.fixture(plugin: "conformance-foreign-plugin", config: ["anything": 1])
        let name = "a template for another plugin gets {} (no node, no requeue)"
        guard let body = try? PluginTestClient.encode(args) else { return }
        let outcome = await attempt(path: PluginMethod.templateExecute.path, body: body)
        report.record(name, transport, failure: outcome.problem { result -> String? in
            guard result.status == 200 else { return "expected 200 {}, \(Self.show(result))" }
            guard let reply = try? result.decode(ExecuteTemplateReply.self) else {
                return "the reply does not decode as ExecuteTemplateReply: \(Self.show(result))"
            }
            if reply.node != nil || reply.requeue != nil {
                return "the plugin claimed a template that is not its own (Argo would not ask the next plugin): "
                    + Self.show(result)
            }
            return nil
        })
    }

    func expect(_ outcome: CallOutcome, status: Int) -> String? {
        outcome.problem { $0.status == status ? nil : "expected \(status), \(Self.show($0))" }
    }
}

/// A reply, or why there was none.
enum CallOutcome: Sendable {
    case reply(PluginCallResult)
    case noReply(String)

    /// What is wrong: `judge`'s verdict on a reply, or the transport failure.
    func problem(_ judge: (PluginCallResult) -> String?) -> String? {
        switch self {
        case .reply(let result): return judge(result)
        case .noReply(let reason): return reason
        }
    }
}
