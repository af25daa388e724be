import Foundation
import PluginHTTP
import PluginSDKTesting
import Testing

/// The client against a fake service over real loopback sockets: requests as sent, replies as classified.
@Suite("ServiceClient")
struct ServiceClientTests {
    struct Commit: Codable, Equatable {
        var sha: String
        var message: String?
    }

    @Test("GET decodes the JSON reply and sends the bearer token, Accept and the encoded query")
    func getJSON() async throws {
        try await withFake([.get("/repos/*/*/commits/*", .json(["sha": "abc", "message": "fix"]))]) { fake in
            let client = try ServiceClient(fake.url, configuration: .init(name: "GitHub", auth: .bearer("s3cret-token")))
            let commit: Commit = try await client.get(
                "/repos/o/r/commits/main", query: [("path", "a b/c"), ("x", "1&2")], context: makeContext())
            #expect(commit == Commit(sha: "abc", message: "fix"))
            let request = try #require(fake.requests.first)
            #expect(request.method == "GET")
            #expect(request.header("Authorization") == "Bearer s3cret-token")
            #expect(request.header("Accept") == "application/json")
            #expect(request.queryValue("path") == "a b/c")
            #expect(request.queryValue("x") == "1&2")
        }
    }

    @Test("POST sends the value as JSON with its content type; basic auth is base64 of user:password")
    func postJSON() async throws {
        try await withFake([.post("/statuses", .json(["sha": "def"], status: 201))]) { fake in
            let client = try ServiceClient(fake.url, configuration: .init(auth: .basic(username: "ci", password: "pw")))
            let reply: Commit = try await client.post("/statuses", json: Commit(sha: "in", message: nil), context: makeContext())
            #expect(reply.sha == "def")
            let request = try #require(fake.requests.first)
            #expect(request.header("Content-Type") == "application/json")
            #expect(request.json == ["sha": "in"])
            #expect(request.header("Authorization") == "Basic Y2k6cHc=")
        }
    }

    @Test("429, 502, 503 and 504 are transient and name the service, request, status and reply", arguments: [429, 502, 503, 504])
    func transientStatuses(status: Int) async throws {
        try await withFake([.get("/x", .text("busy, come back\nlater", status: status, headers: ["Retry-After": "7"]))]) { fake in
            let client = try ServiceClient(fake.url, configuration: .init(name: "API"))
            await #expect {
                let _: NoContent = try await client.get("/x", context: makeContext())
            } throws: { error in
                (error as? TransientError)?.message == "API answered GET /x with HTTP \(status), retry after 7s: busy, come back"
            }
        }
    }

    @Test("other 4xx and 5xx fail for good with the status and a short excerpt of the reply", arguments: [400, 401, 404, 422, 500])
    func refused(status: Int) async throws {
        let long = String(repeating: "x", count: 500)
        try await withFake([.post("/y", .text("{\"message\":\"\(long)\"}", status: status))]) { fake in
            let client = try ServiceClient(fake.url, configuration: .init(name: "API"))
            do {
                let _: NoContent = try await client.post("/y", json: ["a": 1] as JSONValue, context: makeContext())
                Issue.record("expected a ServiceError")
            } catch let error as ServiceError {
                #expect(error.kind == .refused)
                #expect(error.status == status)
                #expect(error.description.hasPrefix("API refused POST /y with HTTP \(status): {\"message\":\"xxx"))
                #expect(error.bodyExcerpt.count == 201, "200 characters and an ellipsis")
            }
        }
    }

    @Test("a refusal that echoes the token shows [redacted] instead")
    func echoedSecretIsRedacted() async throws {
        try await withFake([.get("/me", .text("bad credentials: Bearer s3cret-token", status: 401))]) { fake in
            let client = try ServiceClient(fake.url, configuration: .init(auth: .bearer("s3cret-token")))
            await #expect {
                let _: NoContent = try await client.get("/me", context: makeContext())
            } throws: { error in
                "\(error)".contains("Bearer [redacted]") && !"\(error)".contains("s3cret")
            }
        }
    }

    @Test("a redirect is not followed and fails, naming the redirect")
    func redirect() async throws {
        try await withFake([.post("/hook", FakeReply(status: 302, headers: ["Location": "http://127.0.0.1:1/x"]))]) { fake in
            let client = try ServiceClient(fake.url)
            await #expect {
                let _: NoContent = try await client.post("/hook", json: ["a": 1] as JSONValue, context: makeContext())
            } throws: { error in
                (error as? ServiceError)?.kind == .redirected
            }
            #expect(fake.requests.count == 1)
        }
    }

    @Test("a reply that is not the expected JSON fails as invalidReply")
    func invalidReply() async throws {
        try await withFake([.get("/c", .json(["unexpected": true]))]) { fake in
            let client = try ServiceClient(fake.url)
            await #expect {
                let _: Commit = try await client.get("/c", context: makeContext())
            } throws: { error in
                (error as? ServiceError)?.kind == .invalidReply
            }
        }
    }

    @Test("send returns any status without throwing")
    func sendReturnsAnyStatus() async throws {
        try await withFake([.delete("/z", .text("gone", status: 404))]) { fake in
            let response = try await ServiceClient(fake.url).send(ServiceRequest(.delete, "/z"), context: makeContext())
            #expect(response.status == 404)
            #expect(response.text == "gone")
            #expect(response.header("content-type") == "text/plain; charset=utf-8")
        }
    }

    @Test("a slow service times out as a transient error after the configured timeout")
    func timeout() async throws {
        try await withFake([.get("/slow", FakeReply.ok.delayed(by: .seconds(30)))]) { fake in
            let client = try ServiceClient(fake.url, configuration: .init(name: "API", timeout: .milliseconds(400)))
            let start = ContinuousClock.now
            await #expect {
                let _: NoContent = try await client.get("/slow", context: makeContext())
            } throws: { error in
                (error as? TransientError)?.message == "API did not answer within 0.4s (GET /slow); it may or may not have acted on it"
            }
            #expect(ContinuousClock.now - start < allowance(10), "well before the reply's 30 s")
        }
    }

    @Test("the timeout never outlives the call's deadline, less the margin")
    func deadlineBoundsTheTimeout() async throws {
        try await withFake([.get("/slow", FakeReply.ok.delayed(by: .seconds(30)))]) { fake in
            let client = try ServiceClient(fake.url, configuration: .init(timeout: .seconds(60)))
            let start = ContinuousClock.now
            let message = try await #require(throws: TransientError.self) {
                let _: NoContent = try await client.get("/slow", context: makeContext(deadlineIn: 1.2))
            }.message
            // The budget is the 1.2 s left less the 0.5 s margin, not the 30 s timeout.
            let budget = try #require(message.firstMatch(of: /within ([0-9.]+)s/).flatMap { Double($0.1) })
            #expect(budget > 0.5 && budget <= 0.7, "\(message)")
            // Wall time also holds scheduling delays of a loaded test run: the bound is loose, the budget above exact.
            #expect(ContinuousClock.now - start < allowance(10), "well before the reply's 30 s")
        }
    }

    @Test("with no time left before the deadline, nothing is sent and the call is transient")
    func noTimeLeft() async throws {
        try await withFake([.get("/x", .ok)]) { fake in
            let client = try ServiceClient(fake.url)
            await #expect {
                let _: NoContent = try await client.get("/x", context: makeContext(deadlineIn: 0.3))
            } throws: { error in
                (error as? TransientError)?.message.hasPrefix("no time left before the call's deadline") == true
            }
            #expect(fake.requests.isEmpty)
        }
    }

    @Test("a dropped connection and a refused connection are transient")
    func connectionErrors() async throws {
        try await withFake([.get("/drop", .dropConnection)]) { fake in
            let client = try ServiceClient(fake.url, configuration: .init(name: "API"))
            await #expect {
                let _: NoContent = try await client.get("/drop", context: makeContext())
            } throws: { error in
                (error as? TransientError)?.message.hasPrefix("could not reach API for GET /drop") == true
            }
        }
        let fake = try await FakeService.start()
        let url = fake.url
        await fake.stop()
        await #expect(throws: TransientError.self) {
            let _: NoContent = try await ServiceClient(url).get("/", context: makeContext())
        }
    }

    @Test("cancelling the calling task aborts the transfer at once")
    func cancellation() async throws {
        try await withFake([.get("/slow", FakeReply.ok.delayed(by: .seconds(30)))]) { fake in
            let client = try ServiceClient(fake.url)
            let task = Task { () async throws -> NoContent in try await client.get("/slow", context: makeContext()) }
            try await Task.sleep(for: .milliseconds(300))
            let start = ContinuousClock.now
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(ContinuousClock.now - start < allowance(10), "well before the reply's 30 s")
        }
    }

    @Test("concurrent calls all complete on the one client thread")
    func concurrency() async throws {
        try await withFake([.get("/n/*", handler: { .json(["sha": .string(String($0.path.dropFirst(3)))]) })]) { fake in
            let client = try ServiceClient(fake.url)
            let shas = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<40 {
                    group.addTask { let c: Commit = try await client.get("/n/\(index)", context: makeContext()); return c.sha }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(shas == Set((0..<40).map(String.init)))
        }
    }

    @Test("logs name the service, verb and status, never the token or the URL's secret path")
    func nothingSecretInLogs() async throws {
        try await withFake([.post("/services/**", .text("no", status: 500))]) { fake in
            let logs = LogCapture()
            let client = try ServiceClient(fake.url + "/services/T0/B0/hook-secret", configuration: .init(auth: .bearer("tok-abcdef")))
            _ = try? await client.call(ServiceRequest(.post, "", body: Array("{}".utf8)), context: makeContext(logs: logs))
            #expect(logs.text.contains("http.status=500"))
            #expect(!logs.text.contains("hook-secret"))
            #expect(!logs.text.contains("tok-abcdef"))
        }
    }

    @Test("the base URL's path is never shown in errors: a webhook URL is a credential")
    func baseURLPathNotShown() async throws {
        try await withFake([.post("/services/**", .text("invalid_token", status: 403))]) { fake in
            let client = try ServiceClient(fake.url + "/services/T0/B0/hook-secret", configuration: .init(name: "Slack"))
            await #expect {
                try await client.call(ServiceRequest(.post, "", body: []), context: makeContext())
            } throws: { error in
                "\(error)" == "Slack refused POST / with HTTP 403: invalid_token"
            }
            #expect(fake.requests.first?.path == "/services/T0/B0/hook-secret")
        }
    }

    @Test("a token file is read again after it changes (a rotated service-account token)")
    func tokenFileRotation() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UInt64.random(in: 0...UInt64.max))").path
        try "first-token\n".write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withFake([.get("/x", .ok)]) { fake in
            let client = try ServiceClient(fake.url, configuration: .init(auth: .bearerTokenFile(path)))
            _ = try await client.call(ServiceRequest(.get, "/x"), context: makeContext())
            try "second-token-longer".write(toFile: path, atomically: true, encoding: .utf8)
            _ = try await client.call(ServiceRequest(.get, "/x"), context: makeContext())
            #expect(fake.requests.map { $0.header("Authorization") } == ["Bearer first-token", "Bearer second-token-longer"])
        }
    }
}
