import Foundation
import Testing
@testable import PluginSDK

@Suite("Secrets from options and files")
struct SecretTests {
    let value = "https://hooks.example/services/T0/B0/s3cr3t"

    @Test("printing, interpolating, dumping or reflecting a secret shows <redacted>, never the value")
    func redacted() throws {
        let secret = try #require(Secret("  \(value)\n"))
        #expect(secret.value == value)
        var dumped = ""
        dump(secret, to: &dumped)
        let renderings = [
            "\(secret)", String(describing: secret), String(reflecting: secret), dumped,
            String(describing: Optional(secret)), "\(Mirror(reflecting: secret).children.map(\.value))",
            secret.defaultValueDescription,
        ]
        for text in renderings {
            #expect(!text.contains("s3cr3t"), "\(text)")
        }
        #expect("\(secret)" == "<redacted>")
    }

    @Test("values are trimmed; an empty or blank value is refused", arguments: ["", " ", "\n\t"])
    func blank(text: String) {
        #expect(Secret(text) == nil)
        #expect(Secret(argument: text) == nil)
    }

    @Test("a mounted file is read and trimmed")
    func file() throws {
        let path = NSTemporaryDirectory() + "secret-\(UUID().uuidString)"
        try (value + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Secret(contentsOfFile: path).value == value)
    }

    @Test("a missing, unreadable or empty file fails with one line naming the path and the reason")
    func unreadable() throws {
        let directory = NSTemporaryDirectory() + "secret-dir-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let empty = directory + "/empty"
        try " \n".write(toFile: empty, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cases = [
            (directory + "/missing", "No such file or directory"),
            (directory, "Is a directory"),
            (empty, "is empty"),
        ]
        for (path, reason) in cases {
            do {
                _ = try Secret(contentsOfFile: path)
                Issue.record("expected \(path) to fail")
            } catch {
                #expect(error.description.contains(path))
                #expect(error.description.contains(reason), "\(error.description)")
                #expect(!error.description.contains("\n"), "one line: \(error.description)")
            }
        }
    }
}
