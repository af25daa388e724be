import Foundation
import Logging
import Testing
@testable import PluginSDK

/// Argo-shaped requests through the responder, without a socket.
@Suite("Responder")
struct ResponderTests {
    static let token = "in-process-token"

    func responder<P: Plugin>(_ plugin: P) -> PluginResponder<P> {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return PluginResponder(
            plugin: plugin, token: BearerToken(fileContent: Self.token)!, configuration: PluginConfiguration(),
            logger: logger)
    }

    func request(
        _ body: String, path: String = "/api/v1/template.execute", verb: String = "POST",
        authorization: String? = "Bearer \(ResponderTests.token)"
    ) -> HTTPRequest {
        HTTPRequest(
            head: HTTPRequestHead(method: verb, path: path, authorization: authorization, contentLength: body.utf8.count),
            body: Array(body.utf8))
    }

    @Test("a probe template succeeds with the handler's message")
    func succeeds() async throws {
        let response = await responder(ProbePlugin()).respond(to: request(Bodies.probe(#"{"message":"hi"}"#)))
        #expect(response.status == 200)
        #expect(try JSONMeaning.same(response.body, #"{"node":{"phase":"Succeeded","message":"hi"}}"#))
    }

    @Test("a template for another plugin gets {} without calling the handler")
    func foreign() async throws {
        let plugin = ProbePlugin()
        let response = await responder(plugin).respond(to: request(Bodies.hello))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "{}")
        #expect(plugin.probe.peak == 0)
    }

    @Test("'not mine' is decided from the plugin key before the template is decoded")
    func foreignNotDecoded() async throws {
        // `inputs` has the wrong type: decoding the template would fail. A foreign template is never decoded.
        let foreign = #"{"workflow":{"metadata":{"name":"w"}},"template":{"name":"t","inputs":"odd","plugin":{"slack":{}}}}"#
        let reply = await responder(ProbePlugin()).respond(to: request(foreign))
        #expect(reply.status == 200)
        #expect(String(decoding: reply.body, as: UTF8.self) == "{}")
        let mine = foreign.replacingOccurrences(of: "slack", with: "probe")
        #expect(await responder(ProbePlugin()).respond(to: request(mine)).status == 400)
    }

    @Test("a transient error answers 503 so Argo retries")
    func transient() async throws {
        let response = await responder(ProbePlugin()).respond(
            to: request(Bodies.probe(#"{"outcome":"transient","message":"busy"}"#)))
        #expect(response.status == 503)
        #expect(String(decoding: response.body, as: UTF8.self).contains("busy"))
    }

    @Test("any other thrown error is a 200 with a Failed node carrying its message")
    func failed() async throws {
        let response = await responder(ProbePlugin()).respond(
            to: request(Bodies.probe(#"{"outcome":"fail","message":"remote said no"}"#)))
        #expect(response.status == 200)
        #expect(try JSONMeaning.same(response.body, #"{"node":{"phase":"Failed","message":"remote said no"}}"#))
    }

    @Test("parameters that fail to decode give a Failed node naming the field")
    func badParameters() async throws {
        let response = await responder(ProbePlugin()).respond(
            to: request(Bodies.probe(#"{"sleepMilliseconds":"soon"}"#)))
        #expect(response.status == 200)
        let reply = try JSONMeaning.parse(response.body)
        #expect(reply["node"]?["phase"] == "Failed")
        let message = reply["node"]?["message"]?.stringValue ?? ""
        #expect(message.contains("probe"))
        #expect(message.contains("sleepMilliseconds"))
    }

    @Test("requeue is dropped on terminal phases")
    func requeueDroppedWhenTerminal() async throws {
        let response = await responder(ProbePlugin()).respond(
            to: request(Bodies.probe(#"{"outcome":"failed-with-requeue","requeue":"30s","message":"x"}"#)))
        let reply = try JSONMeaning.parse(response.body)
        #expect(reply["requeue"] == nil)
        #expect(reply["node"]?["phase"] == "Failed")
    }

    @Test("Running without requeue gets the default requeue; with one, it is kept")
    func runningRequeue() async throws {
        let noRequeue = await responder(ProbePlugin()).respond(to: request(Bodies.probe(#"{"outcome":"running"}"#)))
        #expect(try JSONMeaning.parse(noRequeue.body)["requeue"] == "10s")
        let withRequeue = await responder(ProbePlugin()).respond(
            to: request(Bodies.probe(#"{"outcome":"running","requeue":"1m30s"}"#)))
        #expect(try JSONMeaning.parse(withRequeue.body)["requeue"] == "1m30s")
    }

    @Test(
        "malformed bodies answer 400 with a JSON error",
        arguments: [
            "", "{", "not json", "[]", "null", #"{"workflow":{"metadata":{}}}"#, #"{"template":{"name":"x"}}"#,
            #"{"workflow":"x","template":{}}"#, #"{"workflow":{"metadata":{"name":5}},"template":{}}"#,
            String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
        ])
    func malformed(body: String) async throws {
        let response = await responder(ProbePlugin()).respond(to: request(body))
        #expect(response.status == 400)
        #expect(try JSONMeaning.parse(response.body)["error"]?.stringValue?.hasPrefix("bad request") == true)
    }

    @Test("invalid UTF-8 answers 400")
    func invalidUTF8() async throws {
        var bytes = Array(Bodies.probe(#"{"message":"XX"}"#).utf8)
        let index = bytes.firstIndex(of: UInt8(ascii: "X"))!
        bytes[index] = 0xC3
        bytes[index + 1] = 0x28
        let head = HTTPRequestHead(
            method: "POST", path: "/api/v1/template.execute", authorization: "Bearer \(Self.token)",
            contentLength: bytes.count)
        let response = await responder(ProbePlugin()).respond(to: HTTPRequest(head: head, body: bytes))
        #expect(response.status == 400)
    }

    @Test("a missing required field is named in the 400")
    func missingField() async throws {
        let response = await responder(ProbePlugin()).respond(to: request(#"{"workflow":{"metadata":{}}}"#))
        #expect(String(decoding: response.body, as: UTF8.self).contains("template"))
    }

    @Test("parameter values may be JSON strings, numbers or booleans, and unknown fields are ignored")
    func lenientInputs() async throws {
        let body = #"""
            {"workflow":{"metadata":{"name":"wf","extra":1},"spec":{"x":true}},"futureField":[1],
             "template":{"name":"t","inputs":{"parameters":[{"name":"a","value":"s"},{"name":"b","value":3},
             {"name":"c","value":true},{"name":"d","value":1.5}]},"plugin":{"probe":{"message":"ok","extra":"y"}}}}
            """#
        let response = await responder(ProbePlugin()).respond(to: request(body))
        #expect(response.status == 200)
        #expect(try JSONMeaning.parse(response.body)["node"]?["phase"] == "Succeeded")
    }

    @Test("the head alone decides 403, 404 and 405, before any body is read")
    func earlyRefusals() {
        let r = responder(ProbePlugin())
        func head(_ verb: String, _ path: String, _ auth: String?) -> HTTPRequestHead {
            HTTPRequestHead(method: verb, path: path, authorization: auth, contentLength: nil)
        }
        let good = "Bearer \(Self.token)"
        #expect(r.respondEarly(to: head("POST", "/api/v1/template.execute", nil))?.status == 403)
        #expect(r.respondEarly(to: head("POST", "/api/v1/template.execute", "Bearer wrong"))?.status == 403)
        #expect(r.respondEarly(to: head("GET", "/nope", "Bearer wrong"))?.status == 403)
        #expect(r.respondEarly(to: head("POST", "/api/v1/nope", good))?.status == 404)
        #expect(r.respondEarly(to: head("POST", "/", good))?.status == 404)
        #expect(r.respondEarly(to: head("GET", "/api/v1/template.execute", good))?.status == 405)
        #expect(r.respondEarly(to: head("DELETE", "/api/v1/template.execute", good))?.status == 405)
        #expect(r.respondEarly(to: head("POST", "/api/v1/template.execute", good)) == nil)
    }
}
