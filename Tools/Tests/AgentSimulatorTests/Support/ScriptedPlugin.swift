import ArgoModels
import Foundation
import Synchronization
import ToolTestSupport

/// A deliberately misbehaving plugin: a raw HTTP server on 127.0.0.1 that answers each request with the next
/// scripted reply (the last one repeats), or with what a responder computes from the request, and records what
/// it received and how many requests it was serving at once at most.
///
/// Raw sockets, not the SDK, so it can do what no SDK plugin would: answer garbage, stall past the timeout,
/// close the connection mid-reply.
final class ScriptedPlugin: Sendable {
    /// One scripted answer.
    struct Reply: Sendable {
        var status: Int
        var body: String
        var delay: Swift.Duration = .zero
        /// Close the connection without answering.
        var hangUp = false

        static func ok(_ body: String) -> Reply { Reply(status: 200, body: body) }
        static let notMine = Reply(status: 200, body: "{}")
        static let succeeded = Reply(status: 200, body: #"{"node":{"phase":"Succeeded","message":"done"}}"#)
    }

    /// A request as received.
    typealias Received = ScriptedRequest

    private let listener = Mutex<LoopbackListener?>(nil)
    private let state: Mutex<(script: [Reply], received: [Received])>
    private let responder: (@Sendable (Received) -> Reply)?
    private let inFlight = Mutex<(current: Int, peak: Int)>((0, 0))
    /// The port it listens on.
    let port: Int

    /// A plugin that answers with `respond(request)`.
    convenience init(respond: @escaping @Sendable (Received) -> Reply) throws {
        try self.init([.notMine], responder: respond)
    }

    init(_ script: [Reply], responder: (@Sendable (Received) -> Reply)? = nil) throws {
        state = Mutex((script, []))
        self.responder = responder
        let box = Mutex<ScriptedPlugin?>(nil)
        let listener = try LoopbackListener { peer in box.withLock { $0 }?.serve(peer) }
        port = listener.port
        self.listener.withLock { $0 = listener }
        box.withLock { $0 = self }
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// Everything received so far.
    var received: [Received] { state.withLock { $0.received } }

    /// When each request arrived, in order.
    var arrivals: [Date] { received.map(\.arrival) }

    /// The most requests that were being answered at the same moment.
    var peakConcurrency: Int { inFlight.withLock { $0.peak } }

    /// Stops accepting and ends open connections; idempotent.
    func stop() {
        listener.withLock { $0 }?.stop()
    }

    private func serve(_ peer: LoopbackPeer) {
        var reader = ScriptedRequestReader(peer)
        while let request = reader.request() {
            inFlight.withLock {
                $0.current += 1
                $0.peak = max($0.peak, $0.current)
            }
            var reply = state.withLock { state -> Reply in
                state.received.append(request)
                return state.script.count > 1 ? state.script.removeFirst() : state.script[0]
            }
            if let responder { reply = responder(request) }
            if reply.delay > .zero {
                Thread.sleep(
                    forTimeInterval: Double(reply.delay.components.seconds)
                        + Double(reply.delay.components.attoseconds) / 1e18)
            }
            inFlight.withLock { $0.current -= 1 }
            if reply.hangUp { return }
            peer.write(
                Array(
                    ("HTTP/1.1 \(reply.status) \(Self.reason(reply.status))\r\nContent-Type: application/json\r\n"
                        + "Content-Length: \(reply.body.utf8.count)\r\n\r\n\(reply.body)").utf8))
        }
    }

    static func reason(_ status: Int) -> String {
        [200: "OK", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error", 503: "Service Unavailable"][
            status]
            ?? "Status"
    }
}

extension ScriptedPlugin.Received {
    /// The `template` the agent sent, as JSON.
    var template: JSONValue {
        ((try? JSONDecoder().decode(JSONValue.self, from: Data(body.utf8)))?["template"]) ?? .null
    }
}
