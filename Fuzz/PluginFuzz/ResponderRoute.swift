import Logging
import PluginJSON
@testable import PluginSDK

/// The request path without a socket: auth, routing, JSON decode, the plugin, reply encode.
///
/// Input layout: byte 0 picks the method (every `PluginMethod`, then an unknown path), byte 1 the
/// `Authorization` header (right token, none, wrong, right token with a suffix), byte 2 the verb; the rest is
/// the body.
enum ResponderRoute {
    static let verbs = ["POST", "POST", "POST", "GET", "PUT", "BREW"]

    static func run(_ input: ArraySlice<UInt8>, responder: PluginResponder<FuzzPlugin>, token: String) {
        let bytes = Array(input)
        let pick = { (index: Int) -> Int in index < bytes.count ? Int(bytes[index]) : 0 }
        let methods = PluginMethod.allCases
        let methodIndex = pick(0) % (methods.count + 1)
        let path = methodIndex < methods.count ? methods[methodIndex].path : "/api/v1/unknown.method"
        let authIndex = pick(1) % 4
        let authorization: String? = [
            "Bearer \(token)", nil, "Bearer wrong-\(token.count)", "Bearer \(token)x",
        ][authIndex]
        let verb = verbs[pick(2) % verbs.count]
        let body = bytes.count > 3 ? Array(bytes[3...]) : []
        let head = HTTPRequestHead(method: verb, path: path, authorization: authorization, contentLength: body.count)

        let response = responder.respondEarly(to: head) ?? Blocking.run {
            await responder.respond(to: HTTPRequest(head: head, body: body))
        }
        check(response, authorized: authIndex == 0, token: token)
    }

    /// The invariants every reply must keep, whatever the input.
    static func check(_ response: HTTPResponse, authorized: Bool, token: String) {
        if !authorized && response.status != 403 { fatalError("unauthorized request answered \(response.status)") }
        guard [200, 400, 403, 404, 405, 503].contains(response.status) else {
            fatalError("unexpected status \(response.status): \(String(decoding: response.body, as: UTF8.self))")
        }
        guard !response.body.isEmpty else { fatalError("empty reply body for \(response.status)") }
        let json: JSONValue
        do {
            json = try PluginJSONDecoder().decode(JSONValue.self, from: response.body)
        } catch {
            fatalError("reply is not JSON (\(error)): \(String(decoding: response.body, as: UTF8.self))")
        }
        if response.status != 200, json["error"]?.stringValue == nil {
            fatalError("error reply without an error message: \(String(decoding: response.body, as: UTF8.self))")
        }
        if String(decoding: response.body, as: UTF8.self).contains(token) { fatalError("the token reached a reply") }
    }
}
