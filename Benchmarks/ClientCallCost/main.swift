// Per-call cost of the outbound client, against URLSession, on the same in-process fake service:
//   swift run -c release ClientCallCost [calls]
// Each client makes `calls` sequential GETs of a small JSON reply over a kept-alive loopback connection, after a
// warm-up. Reported per call: wall time (median and mean) and this process's CPU time (user + system), which
// includes the fake server's share, the same for both clients, so the difference between the rows is the
// clients' difference. Run it on an idle machine, or compare CPU rather than wall time.
import Foundation
import PluginHTTP
import PluginSDKTesting

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

struct Reply: Decodable { var sha: String }

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func measure(_ name: String, calls: Int, _ call: () async throws -> Void) async throws {
    for _ in 0..<200 { try await call() }
    var samples: [Double] = []
    samples.reserveCapacity(calls)
    let cpuStart = cpuSeconds()
    let start = ContinuousClock.now
    for _ in 0..<calls {
        let before = ContinuousClock.now
        try await call()
        let took = ContinuousClock.now - before
        samples.append(Double(took.components.attoseconds) / 1e12 + Double(took.components.seconds) * 1e6)
    }
    let total = ContinuousClock.now - start
    let cpu = (cpuSeconds() - cpuStart) / Double(calls) * 1e6
    samples.sort()
    let mean = (Double(total.components.seconds) * 1e6 + Double(total.components.attoseconds) / 1e12) / Double(calls)
    let padded = name.padding(toLength: 26, withPad: " ", startingAt: 0)
    print(padded + String(format: " median %7.1f µs  mean %7.1f µs  cpu %7.1f µs/call", samples[calls / 2], mean, cpu))
}

let calls = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 5000 : 5000
let fake = try await FakeService.start([.get("/commit", .json(["sha": "0123456789abcdef"]))])
let client = try ServiceClient(fake.url)
let session = URLSession(configuration: .ephemeral)
let url = URL(string: fake.url + "/commit")!
let decoder = JSONDecoder()

print("\(calls) sequential GETs per client, small JSON reply, loopback, kept-alive connection")
for _ in 0..<2 {
    try await measure("PluginHTTP ServiceClient", calls: calls) {
        _ = try await client.send(ServiceRequest(.get, "/commit")).decode(Reply.self)
    }
    try await measure("URLSession (Foundation)", calls: calls) {
        let (data, _) = try await session.data(from: url)
        _ = try decoder.decode(Reply.self, from: data)
    }
}
await fake.stop()
