import PluginSDK

extension ConformanceRun {
    /// Bodies no plugin should accept, each with a name for the report.
    static let malformedBodies: [(String, [UInt8])] = [
        ("an empty body", []),
        ("truncated JSON", Array(#"{"workflow":{"metadata":{"name":"x"}},"template":{"#.utf8)),
        ("a JSON array instead of an object", Array("[]".utf8)),
        ("a number instead of an object", Array("42".utf8)),
        ("a workflow of the wrong type", Array(#"{"workflow":1,"template":{"name":"x"}}"#.utf8)),
        ("invalid UTF-8", [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]),
        ("absurd nesting", Array(String(repeating: "[", count: 100_000).utf8)),
    ]

    func malformedChecks(into report: inout ConformanceReport) async {
        for method in methods.sorted(by: { $0.rawValue < $1.rawValue }) {
            var bodies = Self.malformedBodies
            if method == .templateExecute {
                bodies.append(("a body without template", Array(#"{"workflow":{"metadata":{"name":"x"}}}"#.utf8)))
                bodies.append(
                    (
                        "a template whose plugin member is not an object",
                        Array(#"{"workflow":{"metadata":{"name":"x"}},"template":{"name":"x","plugin":"x"}}"#.utf8)
                    ))
            }
            for (name, body) in bodies {
                let outcome = await attempt(path: method.path, body: body)
                report.record(
                    "\(name) to \(method) is answered 4xx", transport,
                    failure: outcome.problem {
                        (400..<500).contains($0.status) ? nil : "expected a 4xx, \(Self.show($0))"
                    })
            }
        }
        await aliveCheck(into: &report)
    }

    /// After the abuse, a valid call to some served method must still be answered 200.
    func aliveCheck(into report: inout ConformanceReport) async {
        var candidates = methods.sorted { $0.rawValue < $1.rawValue }
        if candidates.isEmpty { candidates = [.templateExecute] }
        var problems: [String] = []
        for method in candidates {
            let outcome = await attempt(path: method.path, body: Self.hookFixture(method)?.0 ?? [])
            guard let problem = outcome.problem({ $0.status == 200 ? nil : "expected 200, \(Self.show($0))" }) else {
                report.record("the plugin still answers a valid call after malformed input", transport, failure: nil)
                return
            }
            problems.append("\(method): \(problem)")
        }
        report.record(
            "the plugin still answers a valid call after malformed input", transport,
            failure: problems.joined(separator: "; "))
    }
}
