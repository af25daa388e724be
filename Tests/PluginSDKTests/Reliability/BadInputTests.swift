import Foundation
import Testing
@testable import PluginSDK

/// Broken and hostile bodies over a real socket: each is answered with a 4xx and a JSON error, quickly, and the
/// server keeps serving.
@Suite("Bad input over a socket")
struct BadInputTests {
    @Test("malformed JSON is answered 400 with a JSON error, and the server keeps serving", arguments: BadBody.malformed)
    func malformed(_ body: BadBody) async throws {
        try await expectRefused(body)
    }

    @Test("valid JSON of the wrong shape is answered 400, and the server keeps serving", arguments: BadBody.wrongShape)
    func wrongShape(_ body: BadBody) async throws {
        try await expectRefused(body)
    }

    @Test("invalid UTF-8, absurd nesting, huge numbers and duplicate keys are answered 400", arguments: BadBody.hostile)
    func hostile(_ body: BadBody) async throws {
        try await expectRefused(body)
    }

    /// Sends `body` on a fresh connection and checks the reply, then that a normal call still succeeds.
    private func expectRefused(_ body: BadBody) async throws {
        let server = try TestServer.start(ProbePlugin())
        let (response, seconds) = try await blocking {
            try measure {
                let client = try server.client(timeoutSeconds: 5)
                try client.sendRequest(path: "/api/v1/template.execute", token: server.token, body: body.bytes)
                return try client.readResponse()
            }
        }
        // Generous bound: only detects hangs. The read timeout above would also fail the call.
        #expect(seconds < TimeAllowance.seconds(5), "answered after \(seconds) s")
        #expect(response.status < 500, "a 5xx for \(body): \(response.text)")
        #expect(response.status == 400, "\(body) answered \(response.status): \(response.text)")
        #expect(response.headers["content-type"] == "application/json")
        let json = try response.json()
        if response.status >= 400 {
            #expect(json["error"]?.stringValue?.isEmpty == false, "no JSON error message: \(response.text)")
        }
        #expect(try await blocking { try server.healthyCall() } == 200)
        await server.stop()
    }
}
