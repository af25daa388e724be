#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads small text files (tokens, secrets, cgroup settings) with plain `open`/`read`, reporting `errno` on failure.
enum SmallFile {
    /// Why a file could not be read: the `errno` and its text.
    struct ReadError: Error, CustomStringConvertible {
        var code: Int32

        /// `strerror` and the number, e.g. `No such file or directory (errno 2)`.
        var description: String { "\(String(cString: strerror(code))) (errno \(code))" }
    }

    /// The first `limit` bytes of the file at `path`.
    static func bytes(_ path: String, limit: Int = 64 * 1024) throws(ReadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ReadError(code: errno) }
        defer { close(fd) }
        var content: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while content.count < limit {
            let count = read(fd, &chunk, min(chunk.count, limit - content.count))
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(code: errno)
            }
            if count == 0 { break }
            content.append(contentsOf: chunk[0..<count])
        }
        return content
    }

    /// The file at `path` as UTF-8 text, or `nil` when it cannot be read.
    static func text(_ path: String, limit: Int = 64 * 1024) -> String? {
        guard let content = try? bytes(path, limit: limit) else { return nil }
        return String(decoding: content, as: UTF8.self)
    }

    /// Whether anything exists at `path`.
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}
