import Foundation
import Testing
@testable import PluginSDK

@Suite("Token file")
struct TokenFileTests {
    @Test("the token is the file's content with surrounding whitespace trimmed")
    func trims() throws {
        let path = try TestToken.write("  abc123  ")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let token = try TokenFile.load(from: path)
        #expect(token.accepts("Bearer abc123"))
    }

    @Test("a missing file names the path, the OS error and the way out")
    func missing() {
        do {
            _ = try TokenFile.load(from: "/nonexistent/argo/token")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("/nonexistent/argo/token"))
            #expect(error.description.contains("No such file"))
            #expect(error.description.contains("--dev"))
        }
    }

    @Test("a permission error explains Argo's uid 8737 / group 0 rule")
    func permission() {
        let error = TokenFileError(path: "/var/run/argo/token", errno: EACCES)
        #expect(error.description.contains("Permission denied"))
        #expect(error.description.contains("8737"))
        #expect(error.description.contains("group 0"))
        #expect(error.description.contains("13015"))
    }

    @Test("an empty file is refused")
    func empty() throws {
        let path = try TestToken.write("")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: TokenFileError.self) { try TokenFile.load(from: path) }
    }

    @Test("development mode creates a private random token once and keeps it")
    func development() throws {
        let path = NSTemporaryDirectory() + "dev-\(UUID().uuidString).token"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try DevelopmentToken.prepare(at: path)
        let first = try String(contentsOfFile: path, encoding: .utf8)
        #expect(first.count == 64)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        try DevelopmentToken.prepare(at: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == first)
        #expect(DevelopmentToken.randomToken() != DevelopmentToken.randomToken())
    }

    @Test("the development curl reads the token from the file instead of printing it")
    func curl() {
        let text = DevelopmentToken.curl(port: 4355, host: "127.0.0.1", tokenFile: "/tmp/t", method: .templateExecute, pluginKey: "hello")
        #expect(text.contains("http://127.0.0.1:4355/api/v1/template.execute"))
        #expect(text.contains("$(cat /tmp/t)"))
        #expect(text.contains(#""hello":{}"#))
    }
}
