import Foundation
import Logging
import Testing
@testable import PluginSDK

/// The token and the `Authorization` header never reach a log line, an error or a reply, and wider binds are
/// logged.
@Suite("Secrets and binds")
struct SecretHygieneTests {
    @Test("at trace level, no log line, error or reply ever contains the token or an Authorization header")
    func tokenNeverLogged() async throws {
        let capture = LogCapture()
        let server = try TestServer.start(ProbePlugin(), logger: capture.logger()) {
            $0.callTimeout = .milliseconds(300)
            $0.maxBodyBytes = 4096
        }
        let token = server.token
        let wrong = "Bearer not-the-token-\(UUID().uuidString)"
        let replies = try await blocking { () -> [String] in
            var replies: [String] = []
            func call(_ body: String, auth: String?, extra: [String] = []) throws {
                let client = try server.client(timeoutSeconds: 5)
                var head = "POST /api/v1/template.execute HTTP/1.1\r\nHost: x\r\n"
                if let auth { head += "Authorization: \(auth)\r\n" }
                for line in extra { head += line + "\r\n" }
                try client.send(Array((head + "Content-Length: \(body.utf8.count)\r\n\r\n").utf8) + Array(body.utf8))
                if let response = try? client.readResponse() {
                    replies.append("\(response.status) \(response.headers) \(response.text)")
                }
            }
            let good = "Bearer \(token)"
            try call(Bodies.probe("{}"), auth: good)
            try call(Bodies.probe("{}"), auth: wrong)
            try call(Bodies.probe("{}"), auth: good + "x")
            try call(Bodies.probe("{}"), auth: nil)
            try call(Bodies.probe(#"{"outcome":"fail","message":"boom"}"#), auth: good)
            try call(Bodies.probe(#"{"outcome":"transient"}"#), auth: good)
            try call(Bodies.probe(#"{"outcome":"hang"}"#), auth: good)
            try call(Bodies.probe(#"{"outcome":"running"}"#), auth: good)
            try call("{broken", auth: good)
            try call(Bodies.probe(#"{"sleepMilliseconds":"x"}"#), auth: good)
            try call(String(repeating: " ", count: 8000), auth: good)
            // Heads libmicrohttpd refuses itself, and may log about.
            try call("{}", auth: good, extra: ["X-Big: " + String(repeating: "a", count: 80 * 1024)])
            try call("{}", auth: good + String(repeating: "a", count: 80 * 1024))
            try call("{}", auth: wrong, extra: ["Content-Length: abc"])
            return replies
        }
        #expect(replies.count >= 12)
        // Start-up errors: a port in use, and an unreadable token file, logged through the same logger.
        do {
            _ = try TestServer.start(ProbePlugin(), logger: capture.logger()) { $0.port = server.port }
        } catch {
            capture.logger().error("start failed", metadata: ["error": "\(error)"])
        }
        do {
            _ = try TestServer.start(ProbePlugin(), logger: capture.logger()) { $0.tokenFile = "/nonexistent/token" }
        } catch {
            capture.logger().error("start failed", metadata: ["error": "\(error)"])
        }
        await server.stop()
        let logged = capture.text
        #expect(capture.count > 5, "the capture saw too little to prove anything: \(logged)")
        #expect(logged.contains("call"), "trace/debug lines are missing from the capture")
        let secret = token
        let wrongSecret = String(wrong.dropFirst("Bearer ".count))
        for text in [logged] + replies {
            #expect(!text.contains(secret), "the token leaked: \(text.prefix(300))")
            #expect(!text.contains(wrongSecret), "an Authorization header leaked: \(text.prefix(300))")
            #expect(!text.lowercased().contains("authorization: "), "an Authorization header leaked: \(text.prefix(300))")
        }
        #expect(!"\(String(describing: try #require(BearerToken(fileContent: secret))))".contains(secret))
    }

    @Test("a non-loopback bind is logged as a warning; the loopback default is not")
    func wideBindWarns() async throws {
        let wide = LogCapture()
        let server = try TestServer.start(ProbePlugin(), logger: wide.logger()) { $0.host = "0.0.0.0" }
        #expect(server.server.configuration.host == "0.0.0.0")
        #expect(wide.text.contains("warning listening beyond loopback"), "\(wide.text)")
        await server.stop()

        let narrow = LogCapture()
        let local = try TestServer.start(ProbePlugin(), logger: narrow.logger())
        #expect(local.server.configuration.host == "127.0.0.1")
        #expect(!narrow.text.contains("beyond loopback"))
        await local.stop()
    }
}
