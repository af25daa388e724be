import Foundation
import Testing
@testable import PluginSDK

/// A wrong or missing token gets 403 on every path and verb, decided from the head before any body is read.
@Suite("Auth on every path")
struct AuthEverywhereTests {
    static let paths = PluginMethod.allCases.map(\.path) + ["/", "/api/v1/", "/api/v1/unknown", "/../../etc/passwd", "*",
                                                             "/api/v1/template.execute?x=1", "/API/V1/TEMPLATE.EXECUTE"]
    static let verbs = ["POST", "GET", "PUT", "BREW", "OPTIONS"]

    /// Authorization headers that must all be refused; `nil` sends none. `%T` stands for the real token. (Trailing
    /// whitespace is not listed: HTTP strips it from field values, so `Bearer %T ` is the right token.)
    static let refused: [String?] = [
        nil, "", "Bearer", "Bearer ", "Bearer wrong", "bearer %T", "BEARER %T", "Basic %T", "%T", "Bearer  %T",
        "Bearer %Tx", "Bearer x%T", "Bearer %T,Bearer %T", "Token %T",
    ]

    @Test("wrong or missing tokens get 403 with a JSON error on every path and verb, before the body", arguments: verbs)
    func everywhere(_ verb: String) async throws {
        let server = try TestServer.start(HookAndTemplatePlugin())
        let token = server.token
        let failures = try await blocking { () -> [String] in
            var failures: [String] = []
            for path in Self.paths {
                for header in Self.refused {
                    let client = try server.client(timeoutSeconds: 5)
                    var head = "\(verb) \(path) HTTP/1.1\r\nHost: x\r\n"
                    if let header { head += "Authorization: \(header.replacingOccurrences(of: "%T", with: token))\r\n" }
                    // A huge body is announced and never sent: only a reply decided from the head can arrive.
                    head += "Content-Length: 1000000000\r\n\r\n"
                    try client.send(head)
                    let response = try client.readResponse()
                    let hasError = (try? response.json())?["error"] != nil
                    if response.status != 403 || !hasError || response.text.contains(token) {
                        failures.append("\(verb) \(path) [\(header ?? "none")] -> \(response.status) \(response.text)")
                    }
                }
            }
            return failures
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(try await blocking { try server.healthyCall() } == 200)
        await server.stop()
    }

    @Test("with controller hooks allowed without a token, template.execute still needs the token")
    func executorStillNeedsToken() async throws {
        let server = try TestServer.start(HookAndTemplatePlugin()) { $0.controllerHooksWithoutToken = true }
        let statuses = try await blocking {
            [
                try server.client().call(
                    path: PluginMethod.templateExecute.path, token: nil,
                    json: Bodies.probe("{}")).status,
                try server.client().call(
                    path: PluginMethod.parametersAdd.path, token: nil,
                    json: HookBodies.parameters).status,
                try server.client().call(
                    path: PluginMethod.parametersAdd.path, token: "wrong",
                    json: HookBodies.parameters).status,
            ]
        }
        #expect(statuses == [403, 200, 403])
        await server.stop()
    }

    @Test("the token comparison answers the same for headers that share a long prefix with the token")
    func prefixes() throws {
        let token = try #require(BearerToken(fileContent: "s3cr3t-token-value"))
        let expected = "Bearer s3cr3t-token-value"
        #expect(token.accepts(expected))
        for length in 0..<expected.count {
            #expect(!token.accepts(String(expected.prefix(length))))
            #expect(!token.accepts(String(expected.prefix(length)) + "!" + String(expected.dropFirst(length + 1))))
        }
        // Lengths that differ by a multiple of 256 must not cancel out in the length check.
        #expect(!token.accepts(expected + String(repeating: "x", count: 256)))
        #expect(!token.accepts(expected + String(repeating: "\u{0}", count: 256)))
    }
}

/// Serves `template.execute` (as the probe plugin) and `parameters.add`, to test auth across both kinds of method.
struct HookAndTemplatePlugin: TemplateExecutor, ParametersAddHook {
    let probe = ProbePlugin()

    func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws -> ExecuteTemplateReply {
        try await probe.executeTemplate(args, context: context)
    }

    func parametersAdd(_ args: ParameterPreSubstitutionArgs, context: PluginContext) async throws
        -> ParameterPreSubstitutionReply
    {
        .adding(["greeting": "hello"])
    }
}
