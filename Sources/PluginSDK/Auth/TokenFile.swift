#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads Argo's token file and explains, in terms a plugin author can act on, why it could not be read.
enum TokenFile {
    /// Where Argo mounts the token in a plugin sidecar.
    static let defaultPath = "/var/run/argo/token"

    /// Reads and trims the token at `path`.
    static func load(from path: String) throws(TokenFileError) -> BearerToken {
        let content: [UInt8]
        do {
            content = try SmallFile.bytes(path)
        } catch {
            throw TokenFileError(path: path, errno: error.code)
        }
        guard let token = BearerToken(fileContent: String(decoding: content, as: UTF8.self)) else {
            throw TokenFileError(path: path, reason: "the file is empty")
        }
        return token
    }
}

/// Why the token file could not be used, with the fix.
struct TokenFileError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var hint: String

    init(path: String, reason: String, hint: String = "") {
        self.path = path
        self.reason = reason
        self.hint = hint
    }

    init(path: String, errno code: Int32) {
        let reason = "\(String(cString: strerror(code))) (errno \(code))"
        let hint: String
        switch code {
        case EACCES, EPERM:
            hint = """
                Argo writes the token with mode 0440, owner uid 8737, group 0: run the sidecar as uid 8737 \
                (securityContext.runAsUser: 8737) or with group 0 (runAsGroup: 0), see Argo issue #13015. \
                This process runs as uid \(getuid()), gid \(getgid()).
                """
        case ENOENT:
            hint = """
                Argo mounts the token at /var/run/argo/token in the plugin sidecar. Outside Argo, start with \
                --dev (or ARGO_PLUGIN_DEV=1) to create a development token, or pass --token-file PATH.
                """
        default:
            hint = "Check that the path is a readable file, or pass --token-file PATH."
        }
        self.init(path: path, reason: reason, hint: hint)
    }

    var description: String {
        let base = "cannot read the Argo token file \(path): \(reason)."
        return hint.isEmpty ? base : "\(base) \(hint)"
    }
}
