import Foundation
import Testing
@testable import PluginSDK

@Suite("Error to status mapping")
struct ReplyStatusTests {
    struct Plain: Error, CustomStringConvertible {
        var description: String { "disk full" }
    }

    @Test(
        "thrown errors map to 503 or a Failed node",
        arguments: [
            (TransientError("rate limited") as any Error, HandlerFailure.transient("rate limited")),
            (CancellationError(), .transient("the call was cancelled")),
            (Plain(), .failed("disk full")),
        ] as [(any Error, HandlerFailure)])
    func thrownErrors(error: any Error, expected: HandlerFailure) {
        #expect(HandlerFailure(error) == expected)
    }

    @Test(
        "each refusal has its status and a JSON error body",
        arguments: [
            (ReplyStatus.forbidden(), 403),
            (ReplyStatus.notFound("/x"), 404),
            (ReplyStatus.methodNotAllowed("GET"), 405),
            (ReplyStatus.badRequest("bad"), 400),
            (ReplyStatus.payloadTooLarge(limit: 10), 413),
            (ReplyStatus.transient("later"), 503),
            (ReplyStatus.deadlineExceeded(), 503),
            (ReplyStatus.shuttingDown(), 503),
        ])
    func refusals(response: HTTPResponse, status: Int) throws {
        #expect(response.status == status)
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        #expect((object?["error"] as? String)?.isEmpty == false)
    }

    @Test("405 names the allowed verb and draining asks to close the connection")
    func headers() {
        #expect(ReplyStatus.methodNotAllowed("GET").headers.contains { $0.0 == "Allow" && $0.1 == "POST" })
        #expect(ReplyStatus.shuttingDown().closeConnection)
        #expect(!ReplyStatus.transient("x").closeConnection)
    }

    @Test("error messages with quotes and control characters still make valid JSON")
    func escaping() throws {
        let response = ReplyStatus.badRequest("field \"a\"\n\u{1}/x")
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        #expect((object?["error"] as? String) == "bad request: field \"a\"\n\u{1}/x")
    }
}
