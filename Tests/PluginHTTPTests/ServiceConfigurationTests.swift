import PluginHTTP
import PluginSDKTesting
import Testing

/// Misconfiguration fails when the client is created, with one line that never repeats the secret.
@Suite("ServiceClient configuration")
struct ServiceConfigurationTests {
    private func failure(_ url: String, _ configuration: ServiceConfiguration = .init()) -> String? {
        do {
            _ = try ServiceClient(url, configuration: configuration)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("bad URLs are refused without echoing them", arguments: [
        ("hooks.example.com/services/SECRET", "not absolute"),
        ("ftp://example.com/SECRET", "scheme must be https or http"),
        ("https://user:SECRET@example.com", "must not carry a user name or password"),
        ("https://example.com/x?token=SECRET", "must not have a query"),
        ("https://example.com:99999/SECRET", "port"),
        ("https:///SECRET", "no host"),
    ])
    func badURL(url: String, reason: String) throws {
        let message = try #require(failure(url))
        #expect(message.contains(reason))
        #expect(!message.contains("SECRET"))
        #expect(!message.contains("\n"))
    }

    @Test("an unreadable CA file and one without a certificate name the path and the fix")
    func caFiles() throws {
        let missing = try #require(failure("https://example.com", .init(trust: .systemPlus(caFile: "/nonexistent/ca.pem"))))
        #expect(missing.hasPrefix("cannot read the CA file /nonexistent/ca.pem: No such file or directory"))
        let wrong = try #require(failure("https://example.com", .init(trust: .only(caFile: resource("not-a-certificate.pem")))))
        #expect(wrong.contains("holds no PEM certificate"))
        #expect(failure("https://example.com", .init(trust: .systemPlus(caFile: resource("test-ca.pem")))) == nil)
        #expect(failure("https://example.com", .init(trust: .only(caFile: resource("test-ca.pem")))) == nil)
    }

    @Test("an empty token and a missing token file fail at creation")
    func credentials() throws {
        #expect(try #require(failure("https://example.com", .init(name: "GitHub", auth: .bearer(" \n")))).contains("credential for GitHub is empty"))
        #expect(try #require(failure("https://example.com", .init(auth: .bearerTokenFile("/nonexistent/token")))).hasPrefix("cannot read the token file /nonexistent/token"))
    }

    @Test("a private CA the client was not told about fails TLS for good, not as a transient error")
    func untrustedCertificateIsNotTransient() async throws {
        // No TLS server here: a TLS handshake against a plain-HTTP fake fails, which must not be retried forever.
        let fake = try await FakeService.start()
        let client = try ServiceClient("https://127.0.0.1:\(fake.port)", configuration: .init(trust: .only(caFile: resource("test-ca.pem"))))
        await #expect(throws: ServiceError.self) {
            try await client.call(ServiceRequest(.get, "/"), context: makeContext())
        }
        await fake.stop()
    }
}
