import Foundation
import PluginHTTP
import PluginSDKTesting
import Testing

/// Trust settings against a real TLS server: `openssl s_server` with a certificate for 127.0.0.1 signed by the test
/// CA in Resources (generated once for these tests; `make test` installs `openssl`).
@Suite("ServiceClient TLS", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")))
struct TLSTests {
    /// Runs `body` with the base URL of an `openssl s_server -www` on a port the kernel picked.
    func withTLSServer(_ body: (String) async throws -> Void) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["s_server", "-accept", "127.0.0.1:0", "-cert", resource("test-server.pem"), "-www", "-quiet"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var output = ""
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline, output.firstMatch(of: /ACCEPT 127\.0\.0\.1:([0-9]+)/) == nil {
            output += String(decoding: pipe.fileHandleForReading.availableData, as: UTF8.self)
        }
        let port = try #require(output.firstMatch(of: /ACCEPT 127\.0\.0\.1:([0-9]+)/).map { String($0.1) }, "\(output)")
        try await body("https://127.0.0.1:\(port)")
    }

    @Test("the extra CA is trusted, alone or beside the system store; the system store alone refuses the server for good")
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
