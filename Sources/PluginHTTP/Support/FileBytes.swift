#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small files (tokens, CA bundles) read with POSIX calls: the client needs no Foundation.
package enum FileBytes {
    /// The file's bytes, at most `limit` of them, or why it could not be read.
    package static func read(_ path: String, limit: Int = 4 << 20) -> Result<[UInt8], FileReadError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(FileReadError(errno: errno)) }
        defer { close(fd) }
        var content: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while content.count < limit {
            let count = systemRead(fd, &chunk, chunk.count)
            if count < 0 { return .failure(FileReadError(errno: errno)) }
            if count == 0 { break }
            content.append(contentsOf: chunk[0..<count])
        }
        return .success(content)
    }

    /// The file's modification time and size, to notice a rewrite; `nil` when it cannot be read.
    package static func signature(_ path: String) -> [Int]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if os(Linux)
        return [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_size), Int(info.st_ino)]
        #else
        return [Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec), Int(info.st_size), Int(info.st_ino)]
        #endif
    }

    /// Whether a file exists at `path`.
    package static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// Why a file could not be read, as `strerror` says it.
package struct FileReadError: Error {
    package var errno: Int32
    package var reason: String { "\(String(cString: strerror(errno))) (errno \(errno))" }
}
