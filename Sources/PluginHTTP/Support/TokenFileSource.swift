import PluginSDK

/// A bearer token read from a file and read again when the file changes (Kubernetes rewrites a projected or
/// Secret-mounted service-account token in place when it rotates). One `stat` per request notices a change.
final class TokenFileSource: Sendable {
    let path: String
    private struct Cached {
        var signature: [Int]?
        var token: String
    }
    private let cached: PlatformLock<Cached>

    /// Reads the token now, so a missing or empty file fails at start-up.
    init(path: String) throws(ServiceConfigurationError) {
        self.path = path
        let signature = FileBytes.signature(path)
        let token = try Self.read(path)
        cached = PlatformLock(Cached(signature: signature, token: token))
    }

    /// The current token: the cached one, or the file's new content if it changed. If a rewritten file cannot
    /// be read (a rotation in progress), the last good token is used.
    func token() -> String {
        let signature = FileBytes.signature(path)
        if let current = cached.withLock({ $0.signature == signature ? $0.token : nil }) { return current }
        guard let fresh = try? Self.read(path) else { return cached.withLock { $0.token } }
        cached.withLock { $0 = Cached(signature: signature, token: fresh) }
        return fresh
    }

    private static func read(_ path: String) throws(ServiceConfigurationError) -> String {
        switch FileBytes.read(path, limit: 64 * 1024) {
        case .failure(let error):
            throw ServiceConfigurationError("cannot read the token file \(path): \(error.reason)")
        case .success(let bytes):
            let token = String(decoding: bytes, as: UTF8.self).trimmingWhitespace
            guard !token.isEmpty else { throw ServiceConfigurationError("the token file \(path) is empty") }
            return token
        }
    }
}
