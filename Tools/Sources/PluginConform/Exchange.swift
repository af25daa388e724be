import Foundation
import PluginSDKTesting

/// One request on the wire and what came back, kept as evidence for the report.
struct Exchange: Sendable {
    /// What was sent, for a person.
    var sent: String
    /// The response, when a complete one arrived.
    var response: WireResponse?
    /// Why there is no response: a timeout, a closed connection, a refused connection.
    var problem: String?
    /// The kind of ``problem``, when the wire client reported one.
    var failure: WireError.Kind?
    /// Seconds from the first byte sent to the last byte of the response (or the failure).
    var seconds: Double

    /// The response summarised, or why there was none.
    var received: String {
        if let response { return "\(response.version) \(response.summary())" }
        return problem ?? "nothing"
    }

    /// The status, when a response arrived.
    var status: Int? { response?.status }
}

extension ConformTarget {
    /// Sends `request` on a new connection and reads the response, waiting at most `timeout` (default: Argo's).
    func exchange(_ request: ConformRequest, timeout: Duration? = nil) async -> Exchange {
        await exchanges([request], timeout: timeout)[0]
    }

    /// Sends the requests one after the other on one connection, each after the previous response, as Go's client
    /// reuses a kept-alive connection. After a request without a response, the rest are not sent.
    func exchanges(_ requests: [ConformRequest], timeout: Duration? = nil) async -> [Exchange] {
        let (host, port, token, wait) = (host, port, token, timeout ?? self.timeout)
        let outcome = try? await WireConnection.onOwnThread { () -> [Exchange] in
            var exchanges: [Exchange] = []
            let started = ContinuousClock.now
            let connection: WireConnection
            do {
                connection = try WireConnection(host: host, port: port, timeout: wait)
            } catch {
                return [
                    Exchange(
                        sent: requests[0].summary, problem: "\(error)", failure: (error as? WireError)?.kind,
                        seconds: Self.seconds(since: started))
                ]
            }
            for request in requests {
                let began = ContinuousClock.now
                do {
                    let response = try connection.call(
                        method: request.method, path: request.path, headers: request.headers(token: token),
                        body: request.body)
                    exchanges.append(
                        Exchange(sent: request.summary, response: response, seconds: Self.seconds(since: began)))
                } catch {
                    exchanges.append(
                        Exchange(
                            sent: request.summary, problem: "\(error)", failure: (error as? WireError)?.kind,
                            seconds: Self.seconds(since: began)))
                    break
                }
            }
            return exchanges
        }
        return outcome ?? [Exchange(sent: requests[0].summary, problem: "the client thread failed", seconds: 0)]
    }

    /// Sends the head of `request` announcing `announcedLength` body bytes, sends none of them, and reads the
    /// response: a server that decides before the body answers at once.
    func headOnly(_ request: ConformRequest, announcedLength: Int, timeout: Duration) async -> Exchange {
        let (host, port, token) = (host, port, token)
        let sent =
            "\(request.method) \(request.path), \(request.authorization), Content-Length: \(announcedLength), no body"
        return await onOwnThread(sent: sent) { () throws -> WireResponse in
            let connection = try WireConnection(host: host, port: port, timeout: timeout)
            try connection.sendHead(
                method: request.method, path: request.path,
                headers: request.headers(token: token) + ["Content-Length: \(announcedLength)"])
            return try connection.readResponse()
        }
    }

    /// Sends `request` with its body in `pieces` writes, `pause` apart, then reads the response.
    func dribbled(_ request: ConformRequest, pieces: Int, pause: Duration) async -> Exchange {
        let (host, port, token, timeout) = (host, port, token, timeout)
        let sent = "\(request.summary), the body in \(pieces) pieces \(pause) apart"
        return await onOwnThread(sent: sent) { () throws -> WireResponse in
            let connection = try WireConnection(host: host, port: port, timeout: timeout)
            let size = max(1, (request.body.count + pieces - 1) / pieces)
            try connection.sendHead(
                method: request.method, path: request.path,
                headers: request.headers(token: token) + ["Content-Length: \(request.body.count)"])
            for start in stride(from: 0, to: request.body.count, by: size) {
                Thread.sleep(forTimeInterval: Self.seconds(pause))
                try connection.send(Array(request.body[start..<min(request.body.count, start + size)]))
            }
            return try connection.readResponse()
        }
    }

    private func onOwnThread(sent: String, _ work: @escaping @Sendable () throws -> WireResponse) async -> Exchange {
        let started = ContinuousClock.now
        do {
            let response = try await WireConnection.onOwnThread(work)
            return Exchange(sent: sent, response: response, seconds: Self.seconds(since: started))
        } catch {
            return Exchange(
                sent: sent, problem: "\(error)", failure: (error as? WireError)?.kind,
                seconds: Self.seconds(since: started))
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        seconds(ContinuousClock.now - start)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
