import PluginConform
import Testing
import ToolTestSupport

/// Argo's e2e hello plugin in Python fails, and the report says why each failure matters.
@Suite("conform fails Argo's Python example")
struct PythonExampleConformTests {
    @Test(
        "server.py fails five checks: the token after the body, for its own templates only; crashes on bad input; HTTP/1.0"
    )
    func python() async throws {
        let server = try PythonExample()
        defer { server.stop() }
        let report = try await conform(server.url, token: server.token, sample: .plugin(key: "hello"))
        #expect(!report.passed)
        #expect(
            report.failedIDs == ["token-any-template", "token-before-body", "bad-json", "wrong-types", "keep-alive"],
            "\(report.text)")
        #expect(report.failure("token-any-template")?.received?.contains("200 OK, 4 bytes: null") == true)
        #expect(report.failure("token-any-template")?.problem?.contains("checked on every call") == true)
        #expect(
            report.failure("token-before-body")?.problem?.contains("waits for the body before it checks the token")
                == true)
        #expect(report.failure("bad-json")?.received == "the connection closed without a reply")
        #expect(report.failure("wrong-types")?.problem?.contains("did the handler crash") == true)
        #expect(
            report.failure("keep-alive")?.problem?.contains("closes the connection after each reply (HTTP/1.0)") == true
        )
        #expect(report.notes.contains { $0.contains("200 null") })
        // The token never appears in the report.
        #expect(!report.text.contains(server.token))
        #expect(!report.json.contains(server.token))
    }
}
