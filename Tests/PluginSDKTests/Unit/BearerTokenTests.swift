import Testing
@testable import PluginSDK

@Suite("Bearer token check")
struct BearerTokenTests {
    let token = BearerToken(fileContent: "  s3cret-token\n")!

    @Test("accepts exactly 'Bearer ' followed by the trimmed file content")
    func acceptsExact() {
        #expect(token.accepts("Bearer s3cret-token"))
    }

    @Test(
        "refuses anything else",
        arguments: [
            nil, "", "Bearer", "Bearer ", "bearer s3cret-token", "BEARER s3cret-token", "Bearer  s3cret-token",
            "Bearer s3cret-token ", " Bearer s3cret-token", "Bearer s3cret-toke", "Bearer s3cret-token2",
            "Basic s3cret-token", "s3cret-token", "Bearer S3CRET-TOKEN", "Bearer s3cret-token\u{0}",
        ])
    func refusesOthers(header: String?) {
        #expect(!token.accepts(header))
    }

    @Test("an empty or blank token file gives no token")
    func emptyFile() {
        #expect(BearerToken(fileContent: "") == nil)
        #expect(BearerToken(fileContent: " \n\t") == nil)
    }

    @Test("describing the token never shows it")
    func redacted() {
        #expect(!String(describing: token).contains("s3cret"))
        #expect(!"\(token)".contains("s3cret"))
    }
}
