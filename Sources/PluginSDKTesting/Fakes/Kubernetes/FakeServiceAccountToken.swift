import Foundation

/// Service-account tokens for ``FakeKubernetes``: JWT-shaped (`header.payload.secret`) so the client can read
/// the service account's name from the `sub` claim, as it does with a real token.
enum FakeServiceAccountToken {
    static func make(token: String, serviceAccount: String) -> String {
        let header = base64URL(#"{"alg":"none","typ":"JWT"}"#)
        let payload = base64URL(#"{"sub":"system:serviceaccount:\#(serviceAccount)"}"#)
        return "\(header).\(payload).\(token)"
    }

    /// Whether `bearer` is the fake's token, bare or as the last part of a JWT-shaped one.
    static func matches(_ bearer: String, token: String) -> Bool {
        bearer == token || bearer.hasSuffix("." + token)
    }

    private static func base64URL(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// Files the fakes write for a test (token files, service-account folders), in a new temporary folder each.
enum TemporaryFiles {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("argo-plugin-fake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ content: String, name: String) throws -> String {
        let url = try directory().appendingPathComponent(name)
        try Data(content.utf8).write(to: url)
        return url.path
    }
}
