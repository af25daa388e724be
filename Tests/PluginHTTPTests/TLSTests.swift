import Foundation
import Synchronization
import PluginHTTP
import PluginSDKTesting
import Testing

/// Trust settings against a real TLS server: `openssl s_server` with a certificate for 127.0.0.1 signed by the test
/// CA in Resources (generated once for these tests; `make test` installs `openssl`).
@Suite("ServiceClient TLS", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")))
struct TLSTests {
    /// Runs `body` with the base URL of an `openssl s_server -www` on a port the kernel picked (line-buffered
    /// through `stdbuf`, so its "ACCEPT 127.0.0.1:<port>" line arrives while it runs).
    func withTLSServer(_ body: (String) async throws -> Void) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/stdbuf")
        process.arguments = [
            "-oL", "/usr/bin/openssl", "s_server", "-accept", "127.0.0.1:0", "-cert", resource("test-server.pem"), "-www",
        ]
        let pipe = Pipe()
        let output = Mutex("")
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            output.withLock { $0 += text }
        }
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        defer {
            // s_server may outlive SIGTERM while it serves; it holds nothing worth a graceful stop.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            pipe.fileHandleForReading.readabilityHandler = nil
        }
        let deadline = ContinuousClock.now + .seconds(20)
        var port: String?
        while port == nil, ContinuousClock.now < deadline, process.isRunning {
            port = output.withLock { $0.firstMatch(of: /ACCEPT 127\.0\.0\.1:([0-9]+)/).map { String($0.1) } }
            if port == nil { try await Task.sleep(for: .milliseconds(20)) }
        }
        let bound = try #require(port, "openssl s_server did not listen: \(output.withLock { $0 })")
        try await body("https://127.0.0.1:\(bound)")
    }

    @Test(
        "the extra CA is trusted, alone or beside the system store; the system store alone refuses the server for good",
        .timeLimit(.minutes(1)))
    func extraCA() async throws {
        try await withTLSServer { url in
            let only = try ServiceClient(url, configuration: .init(trust: .only(caFile: resource("test-ca.pem"))))
            #expect(try await only.send(ServiceRequest(.get, "/"), context: makeContext()).status == 200)
            let plus = try ServiceClient(url, configuration: .init(trust: .systemPlus(caFile: resource("test-ca.pem"))))
            #expect(try await plus.send(ServiceRequest(.get, "/"), context: makeContext()).status == 200)
            let system = try ServiceClient(url, configuration: .init(name: "Private"))
            await #expect {
                try await system.send(ServiceRequest(.get, "/"), context: makeContext())
            } throws: { error in
                (error as? ServiceError)?.kind == .tls && "\(error)".contains("TLSTrust.systemPlus(caFile:)")
            }
        }
    }
}
