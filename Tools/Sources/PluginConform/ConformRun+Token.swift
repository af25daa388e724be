extension ConformRun {
    /// The token is checked on every call, exactly, and before the body is read; unknown methods answer 404.
    func tokenChecks(_ probe: Probe, into report: inout ConformReport) async {
        if kind == .executor {
            let missing = await target.exchange(probe.request(.none))
            report.add(
                ConformCheck(
                    "token-missing", "a call without Authorization is refused with 403", missing,
                    problem: Self.expectRefusal(missing)))
        } else {
            report.notes.append(
                "token-missing is not checked for controller plugins: Argo's controller sends no token (the SDK "
                    + "serves such calls with --controller-hooks-without-token)")
        }
        let wrong = await target.exchange(probe.request(.wrong))
        report.add(
            ConformCheck(
                "token-wrong", "a wrong token is refused with 403", wrong, problem: Self.expectRefusal(wrong)))
        if kind == .executor {
            let foreign = await target.exchange(.rpc("template.execute", body: sample.foreignBody, credential: .wrong))
            report.add(
                ConformCheck(
                    "token-any-template", "a wrong token is refused with 403 for another plugin's template too",
                    foreign,
                    problem: Self.expectRefusal(foreign).map {
                        "\($0); the token must be checked on every call before anything else, or anyone who reaches "
                            + "the port can make the plugin parse bodies and learn which templates it handles"
                    }))
        }
        let wait = min(target.timeout, .seconds(5))
        let early = await target.headOnly(probe.request(.wrong), announcedLength: 1 << 30, timeout: wait)
        report.add(
            ConformCheck(
                "token-before-body", "a wrong token is refused with 403 before the body is read (1 GiB announced)",
                early,
                problem: early.response == nil
                    ? "no reply within \(wait) while the body was withheld: the server waits for the body before it "
                        + "checks the token, so anyone who reaches the port can make it read and buffer any amount"
                    : Self.expectRefusal(early)))
        let unknown = await target.exchange(.rpc("conform.noSuchMethod", body: Array("{}".utf8)))
        report.add(
            ConformCheck(
                "unknown-method", "an unknown method answers 404 (Argo then stops calling it)", unknown,
                problem: unknown.status == 404
                    ? nil
                    : "expected 404: Argo's client treats a 404 as 'not served', remembers it and never calls that "
                        + "method again; any other answer fails the call (\(unknown.status.map(String.init) ?? "no reply"))"
            ))
    }

    /// `nil` for a 403, else what the answer was.
    static func expectRefusal(_ exchange: Exchange) -> String? {
        guard let status = exchange.status else { return "no reply: expected 403" }
        return status == 403 ? nil : "expected 403, got \(status)"
    }
}
