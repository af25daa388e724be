import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PluginSDKTesting
import Testing

/// The fake service itself, over real sockets (a plain client, no PluginHTTP).
@Suite("FakeService")
struct FakeServiceTests {
    /// One request with URLSession; returns the status and body.
    func fetch(_ url: String, method: String = "GET", body: String? = nil) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        request.setValue("yes", forHTTPHeaderField: "X-Test")
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("answers canned replies in turn (the last repeats), matches * and **, and 404s unknown routes")
    func routes() async throws {
        let fake = try await FakeService.start([
            .post("/hooks/**", .status(503), .text("ok")),
            .get("/repos/*/pulls/*", .json(["sha": "abc"])),
        ])
        #expect(try await fetch(fake.url + "/hooks/a/b", method: "POST", body: "1").0 == 503)
        #expect(try await fetch(fake.url + "/hooks/a/b", method: "POST", body: "2") == (200, "ok"))
        #expect(try await fetch(fake.url + "/hooks/c", method: "POST", body: "3") == (200, "ok"))
        #expect(try await fetch(fake.url + "/repos/x/pulls/7") == (200, #"{"sha":"abc"}"#))
        let missing = try await fetch(fake.url + "/repos/x/pulls")
        #expect(missing.0 == 404)
        #expect(missing.1.contains("no fake route for GET /repos/x/pulls"))
        #expect(fake.requests.count == 5)
        #expect(fake.requests(matching: "/hooks/**", method: "POST").map(\.text) == ["1", "2", "3"])
        #expect(fake.requests.first?.header("x-test") == "yes")
        await fake.stop()
    }

    @Test("computed replies see the request; later routes take precedence")
    func computedAndOverride() async throws {
        let fake = try await FakeService.start([.post("/echo", handler: { .text($0.text.uppercased()) })])
        #expect(try await fetch(fake.url + "/echo", method: "POST", body: "hi").1 == "HI")
        fake.route(.post("/echo", .status(500)))
        #expect(try await fetch(fake.url + "/echo", method: "POST", body: "hi").0 == 500)
        await fake.stop()
    }

    @Test("a delayed reply arrives late; a dropped connection gets no reply at all")
    func failures() async throws {
        let fake = try await FakeService.start([.get("/slow", FakeReply.ok.delayed(by: .milliseconds(400))), .get("/drop", .dropConnection)])
        let start = ContinuousClock.now
        #expect(try await fetch(fake.url + "/slow").0 == 200)
        #expect(ContinuousClock.now - start >= .milliseconds(400))
        await #expect(throws: (any Error).self) { _ = try await fetch(fake.url + "/drop") }
        await fake.stop()
    }

    @Test("routes read from JSON, as argo-plugin fake reads its file; /_fake/requests lists and forgets")
    func decodedRoutes() async throws {
        let json = #"""
            [{"method": "POST", "path": "/a", "replies": [{"status": 429, "headers": {"Retry-After": "1"}}, {"text": "done"}]},
             {"path": "/b", "status": 201, "json": {"id": 1}, "delayMilliseconds": 10}]
            """#
        let routes = try PluginJSONDecoder().decode([FakeRoute].self, from: json)
        let fake = try await FakeService.start(routes)
        #expect(try await fetch(fake.url + "/a", method: "POST").0 == 429)
        #expect(try await fetch(fake.url + "/a", method: "POST") == (200, "done"))
        #expect(try await fetch(fake.url + "/b", method: "PUT") == (201, #"{"id":1}"#))
        let listed = try PluginJSONDecoder().decode(JSONValue.self, from: try await fetch(fake.url + "/_fake/requests").1)
        #expect(listed.arrayValue?.map { $0["path"]?.stringValue ?? "" } == ["/a", "/a", "/b"])
        #expect(try await fetch(fake.url + "/_fake/requests", method: "DELETE").0 == 204)
        #expect(fake.requests.isEmpty)
        await fake.stop()
    }
}
