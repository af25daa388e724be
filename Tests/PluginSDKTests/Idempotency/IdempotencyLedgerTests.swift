import Synchronization
import Testing
@testable import PluginSDK

@Suite("IdempotencyLedger")
struct IdempotencyLedgerTests {
    let key = IdempotencyKey(workflow: Workflow(metadata: ObjectMeta(uid: "u")), template: Template(name: "t"))
    let other = IdempotencyKey(workflow: Workflow(metadata: ObjectMeta(uid: "v")), template: Template(name: "t"))

    @Test("a success is done once; re-sent calls get the same reply without running the work")
    func once() async throws {
        let ledger = IdempotencyLedger()
        let runs = Atomic<Int>(0)
        for _ in 0..<3 {
            let reply = try await ledger.once(key) {
                runs.add(1, ordering: .relaxed)
                return .succeeded(message: "posted")
            }
            #expect(reply.node?.message == "posted")
        }
        #expect(runs.load(ordering: .relaxed) == 1)
        #expect(await ledger.hasSucceeded(key))
        #expect(await !ledger.hasSucceeded(other))
    }

    @Test("a duplicate while the first call runs answers Running with a requeue")
    func inFlight() async throws {
        let ledger = IdempotencyLedger()
        let gate = AsyncStream<Void>.makeStream()
        let started = AsyncStream<Void>.makeStream()
        let first = Task {
            try await ledger.once(key) {
                started.continuation.yield()
                for await _ in gate.stream { break }
                return .succeeded()
            }
        }
        for await _ in started.stream { break }
        let duplicate = try await ledger.once(key, inFlightRequeue: .seconds(3)) { .succeeded(message: "twice!") }
        #expect(duplicate.node?.phase == .running)
        #expect(duplicate.requeue == .seconds(3))
        gate.continuation.yield()
        #expect(try await first.value.node?.phase == .succeeded)
    }

    @Test("failures, errors and Running replies are not remembered, so retries act again")
    func notRemembered() async throws {
        struct Boom: Error {}
        let ledger = IdempotencyLedger()
        let runs = Atomic<Int>(0)
        _ = try await ledger.once(key) {
            runs.add(1, ordering: .relaxed)
            return .failed("no")
        }
        _ = try await ledger.once(key) {
            runs.add(1, ordering: .relaxed)
            return .running(requeueAfter: .seconds(1))
        }
        await #expect(throws: Boom.self) {
            try await ledger.once(key) {
                runs.add(1, ordering: .relaxed)
                throw Boom()
            }
        }
        _ = try await ledger.once(key) {
            runs.add(1, ordering: .relaxed)
            return .succeeded()
        }
        #expect(runs.load(ordering: .relaxed) == 4)
    }

    @Test("successes expire after the TTL, and the oldest go first beyond capacity")
    func expiry() async throws {
        let short = IdempotencyLedger(ttl: .milliseconds(50))
        _ = try await short.once(key) { .succeeded() }
        #expect(await short.hasSucceeded(key))
        try await Task.sleep(for: .milliseconds(80))
        #expect(await !short.hasSucceeded(key))

        let small = IdempotencyLedger(capacity: 1)
        _ = try await small.once(key) { .succeeded() }
        _ = try await small.once(other) { .succeeded() }
        #expect(await !small.hasSucceeded(key))
        #expect(await small.hasSucceeded(other))
    }
}
