import PluginSDKTesting

extension ConformRun {
    /// Bad input is refused with a 4xx and does not kill the server; the server serves kept-alive, concurrent and
    /// slow calls.
    func robustnessChecks(_ probe: Probe, into report: inout ConformReport) async {
        let truncated = Array(probe.body.prefix(max(1, probe.body.count / 2)))
        let badJSON = await target.exchange(.rpc(probe.rpc, body: truncated))
        report.add(
            ConformCheck(
                "bad-json", "malformed JSON is answered 4xx", badJSON, problem: Self.expectClientError(badJSON)))
        let wrongTypes = await target.exchange(
            .rpc(probe.rpc, body: Array(#"{"workflow":1,"template":"conform","node":[],"old":true}"#.utf8)))
        report.add(
            ConformCheck(
                "wrong-types", "JSON of the wrong types is answered 4xx", wrongTypes,
                problem: Self.expectClientError(wrongTypes)))
        let alive = await target.exchange(probe.request())
        report.add(
            ConformCheck(
                "alive", "the server still answers after the bad input", alive,
                problem: alive.status == 200 ? nil : "expected 200 as before the bad input"))
        await keepAliveCheck(probe, into: &report)
        await concurrencyCheck(probe, into: &report)
        let slow = await target.dribbled(probe.request(), pieces: 8, pause: .milliseconds(120))
        report.add(
            ConformCheck(
                "slow-client", "a body that arrives in 8 pieces over about a second is answered 200", slow,
                problem: slow.status == 200 ? nil : "expected 200: a request may arrive in several TCP segments"))
    }

    /// `nil` for a 4xx, else why not.
    static func expectClientError(_ exchange: Exchange) -> String? {
        guard let status = exchange.status else {
            return "no reply: the connection closed or timed out instead of a 4xx (did the handler crash on this "
                + "input?)"
        }
        if (400..<500).contains(status) { return nil }
        return status == 200
            ? "200: the plugin accepted input Argo would never send, and may act on it"
            : "\(status): a malformed request is the caller's fault; answer 400"
    }

    /// Three calls on one connection, as Go's client reuses kept-alive connections.
    func keepAliveCheck(_ probe: Probe, into report: inout ConformReport) async {
        let calls = await target.exchanges(Array(repeating: probe.request(), count: 3))
        let answered = calls.prefix { $0.status == 200 }.count
        var problem: String?
        if answered < 3 {
            let why = calls.first { $0.response?.closesConnection == true }?.response.map { closing in
                ": the server closes the connection after each reply (\(closing.version)"
                    + (closing.headers["connection"].map { ", Connection: \($0)" } ?? "")
                    + "), so Argo's Go client must open a new connection for every call"
            }
            problem = "call \(answered + 1) of 3 on one connection was not answered 200" + (why ?? "")
        }
        report.add(
            ConformCheck(
                id: "keep-alive", name: "three calls on one kept-alive connection are each answered 200",
                passed: problem == nil, problem: problem, sent: "3 × \(probe.request().summary), one connection",
                received: calls.enumerated().map { "call \($0.offset + 1): \($0.element.received)" }
                    .joined(separator: "; ")))
    }

    /// 16 calls at once on 16 connections, as Argo's agent runs 16 workers.
    func concurrencyCheck(_ probe: Probe, into report: inout ConformReport) async {
        let started = ContinuousClock.now
        let exchanges = await withTaskGroup(of: Exchange.self) { group in
            for _ in 0..<16 { group.addTask { await target.exchange(probe.request()) } }
            return await group.reduce(into: [Exchange]()) { $0.append($1) }
        }
        let seconds = ConformTarget.seconds(since: started)
        let failed = exchanges.filter { $0.status != 200 }
        let statuses = Dictionary(grouping: exchanges) { $0.status.map(String.init) ?? "no reply" }
            .map { "\($0.value.count) × \($0.key)" }.sorted().joined(separator: ", ")
        report.add(
            ConformCheck(
                id: "concurrent", name: "16 concurrent calls (Argo's agent runs 16 workers) are all answered 200",
                passed: failed.isEmpty,
                problem: failed.isEmpty ? nil : "\(failed.count) of 16 were not answered 200",
                sent: "16 × \(probe.request().summary), at once on 16 connections",
                received: "\(statuses) in \(Int(seconds * 1000)) ms"
                    + (failed.first.map { "; first failure: \($0.received)" } ?? "")))
    }
}
