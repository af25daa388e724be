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

    /// A `curl` that calls `method` with a small Argo-shaped body (the hello template for `template.execute`).
    static func curl(port: Int, host: String, tokenFile: String, method: PluginMethod, pluginKey: String) -> String {
        """
        curl -s http://\(ListenAddress.urlHost(host)):\(port)\(method.path) \\
          -H "Authorization: Bearer $(cat \(tokenFile))" \\
          -H "Content-Type: application/json" \\
          -d '\(sampleBody(for: method, pluginKey: pluginKey))'
        """
    }

    /// A minimal request body for `method`, shaped like Argo's.
    static func sampleBody(for method: PluginMethod, pluginKey: String) -> String {
        let workflow = #""workflow":{"metadata":{"name":"my-wf","namespace":"argo","uid":"0b6c2b3e"}}"#
        let template = #""template":{"name":"main","plugin":{"\#(pluginKey)":{}}}"#
        let node = #""node":{"id":"my-wf-1","name":"my-wf","type":"Plugin","phase":"Pending"}"#
        switch method {
        case .templateExecute, .parametersAdd: return "{\(workflow),\(template)}"
        case .workflowPreOperate: return "{\(workflow)}"
        case .workflowPostOperate: return "{\"old\":{\"metadata\":{\"name\":\"my-wf\"}},\"new\":{\"metadata\":{\"name\":\"my-wf\"}}}"
        case .nodePreExecute: return "{\(workflow),\(template),\(node)}"
        case .nodePostExecute: return "{\(workflow),\(template),\"old\":{\"id\":\"n\"},\"new\":{\"id\":\"n\"}}"
        case .podPreCreate, .podPostCreate:
            return "{\(workflow),\(template),\"pod\":{\"metadata\":{\"name\":\"my-wf-main\"},\"spec\":{\"containers\":[]}}}"
        }
    }
}
