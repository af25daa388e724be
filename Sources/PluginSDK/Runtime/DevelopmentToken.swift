#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Development mode's token: a random token in a file only this user can read, and a ready-to-paste `curl`.
///
/// Auth stays on in development mode; the token is just made for you. The `curl` reads the token from the file
/// rather than printing it.
enum DevelopmentToken {
    /// Where development tokens go when no token file was named explicitly.
    static func defaultPath(port: Int) -> String {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? ""
        return "\(directory.isEmpty ? "/tmp" : directory)/argo-plugin-dev-\(port).token"
    }

    /// Creates `path` with a fresh random token (mode 0600) unless it already holds one.
    static func prepare(at path: String) throws(TokenFileError) {
        if (try? TokenFile.load(from: path)) != nil { return }
        let token = randomToken()
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw TokenFileError(path: path, errno: errno) }
        let bytes = Array(token.utf8)
        let written = write(fd, bytes, bytes.count)
        let code = errno
        close(fd)
        guard written == bytes.count else { throw TokenFileError(path: path, errno: code) }
    }

    /// 32 random bytes as hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        var text = ""
        for _ in 0..<32 {
            let byte = UInt8.random(in: 0...255, using: &generator)
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }

    /// The `curl` that calls `template.execute` with the example hello template.
    static func curl(port: Int, host: String, tokenFile: String, pluginKey: String) -> String {
        let body = #"{"workflow":{"metadata":{"name":"my-wf","namespace":"argo","uid":"0b6c2b3e"}},"#
            + #""template":{"name":"main","plugin":{"\#(pluginKey)":{}}}}"#
        return """
            curl -s http://\(ListenAddress.urlHost(host)):\(port)/api/v1/template.execute \\
              -H "Authorization: Bearer $(cat \(tokenFile))" \\
              -H "Content-Type: application/json" \\
              -d '\(body)'
            """
    }
}

