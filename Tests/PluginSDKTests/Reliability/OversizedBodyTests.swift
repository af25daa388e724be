import Foundation
import Testing
@testable import PluginSDK

/// Bodies over the limit are refused with 413 without being buffered.
///
/// Memory is measured in a separate plugin process (`FixturePlugin`) so that other tests running in parallel in
/// this process cannot disturb the figures.
@Suite("Oversized bodies")
struct OversizedBodyTests {
    static let fiftyMiB = 50 * 1024 * 1024

    @Test("a 50 MiB chunked body is refused with 413 while the server's peak memory grows by at most a few MiB")
    func chunkedFiftyMiB() async throws {
        let process = try await blocking {
            try PluginProcess.launch(executable: "FixturePlugin", arguments: ["--max-body-bytes", "1048576"])
        }
        defer { process.terminateIfRunning() }
        let pid = process.process.processIdentifier
        // Warm up: one normal call, so start-up allocations are already in the baseline.
        _ = try await blocking { try Self.normalCall(process) }
        let before = try #require(ProcessMemory.peakResident(pid: pid))
        let (result, seconds) = try await blocking { try measure { try Self.sendChunked(process, bytes: Self.fiftyMiB) } }
        let after = try #require(ProcessMemory.peakResident(pid: pid))
        #expect(result.status == 413)
        #expect(seconds < TimeAllowance.seconds(10), "refusing took \(seconds) s")
        let grown = after - before
        #expect(grown < 8 * 1024 * 1024, "peak RSS grew by \(grown / 1024) KiB while refusing 50 MiB")
        print("50 MiB chunked: 413 after \(result.sentBytes / 1024) KiB sent in \(seconds) s; VmHWM \(before / 1024) -> \(after / 1024) KiB")
        #expect(try await blocking { try Self.normalCall(process) } == 200)
    }

    @Test("an announced 50 MiB body is refused with 413 before any of it is sent")
    func announcedFiftyMiB() async throws {
        let server = try TestServer.start(ProbePlugin())
        let (response, seconds) = try await blocking {
            try measure {
                let client = try server.client(timeoutSeconds: 5)
                try client.send(
                    "POST /api/v1/template.execute HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(server.token)\r\n"
                        + "Content-Length: \(Self.fiftyMiB)\r\n\r\n")
                return try client.readResponse()
            }
        }
        #expect(response.status == 413)
        #expect(try response.json()["error"] != nil)
        #expect(seconds < TimeAllowance.seconds(5))
        #expect(try await blocking { try server.healthyCall() } == 200)
        await server.stop()
    }

    struct ChunkedResult {
        var status: Int
        var sentBytes: Int
    }

    /// Streams `bytes` of JSON-ish filler in 64 KiB chunks, stopping early if the server answers or closes.
    static func sendChunked(_ process: PluginProcess, bytes: Int) throws -> ChunkedResult {
        let client = try openConnection(port: process.port, timeoutSeconds: 10)
        try client.sendChunkedHead(path: "/api/v1/template.execute", token: process.token)
        let chunk = [UInt8](repeating: UInt8(ascii: " "), count: 64 * 1024)
        var sent = 0
        while sent < bytes {
            do { try client.sendChunk(chunk) } catch { break }
            sent += chunk.count
        }
        try? client.sendLastChunk()
        return ChunkedResult(status: try client.readResponse().status, sentBytes: sent)
    }

    static func normalCall(_ process: PluginProcess) throws -> Int {
        try openConnection(port: process.port, timeoutSeconds: 5).call(
            path: "/api/v1/template.execute", token: process.token,
            json: Bodies.execute(plugin: #"{"fixture":{}}"#)).status
    }
}
