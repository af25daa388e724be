#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One plugin's jobs on disk: `<state directory>/<plugin key>.jobs.json`, read once at start-up and replaced
/// atomically on every change.
///
/// Atomic: the new contents go to a temporary file in the same directory, which is flushed (`fsync`) and renamed
/// over the old one, then the directory is flushed. A crash leaves the old file or the new one, never a mix, and
/// a change is on disk before the SDK acts on it: the intent to start a job before `start` is called.
struct JobStateFile: Sendable {
    /// The file's shape. `version` changes if the shape ever does.
    struct Contents: Codable {
        var version: Int
        var plugin: String
        var jobs: [String: JobRecord]
    }

    /// A failed system call, with `errno`.
    struct Failure: Error, CustomStringConvertible {
        var operation: String
        var path: String
        var code: Int32

        var description: String { "\(operation) \(path): \(String(cString: strerror(code))) (errno \(code))" }
    }

    let directory: String
    let path: String
    let pluginKey: String

    /// The file for `pluginKey`'s jobs in `directory`, which is created (mode 0700) when it does not exist.
    init(directory: String, pluginKey: String) throws(ConfigurationError) {
        self.directory = directory
        self.pluginKey = pluginKey
        let name = String(pluginKey.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
        self.path = (directory.hasSuffix("/") ? directory : directory + "/") + name + ".jobs.json"
        if mkdir(directory, 0o700) != 0, errno != EEXIST {
            throw Self.problem(Failure(operation: "mkdir", path: directory, code: errno))
        }
        if access(directory, W_OK | X_OK) != 0 {
            throw Self.problem(Failure(operation: "access", path: directory, code: errno))
        }
    }

    /// The jobs recorded, or none when there is no file yet.
    func load() throws(ConfigurationError) -> [String: JobRecord] {
        guard SmallFile.exists(path) else { return [:] }
        let bytes: [UInt8]
        do {
            bytes = try SmallFile.bytes(path, limit: 1 << 30)
        } catch {
            throw ConfigurationError(description: "cannot read the job state file \(path): \(error)")
        }
        do {
            return try WireJSON.decode(Contents.self, from: bytes).jobs
        } catch {
            throw ConfigurationError(
                description: """
                    the job state file \(path) cannot be read as jobs (\(DecodingErrorDescription.describe(error))). \
                    Move it away to start without it: the jobs it recorded would then start again if Argo asks
                    """)
        }
    }

    /// Replaces the file with `jobs`, durably.
    func save(_ jobs: [String: JobRecord]) throws {
        let bytes = try WireJSON.encode(Contents(version: 1, plugin: pluginKey, jobs: jobs))
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure(operation: "open", path: temporary, code: errno) }
        var remaining = bytes
        while !remaining.isEmpty {
            let count = write(fd, remaining, remaining.count)
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                throw Failure(operation: "write", path: temporary, code: code)
            }
            remaining.removeFirst(count)
        }
        if fsync(fd) != 0 {
            let code = errno
            close(fd)
            throw Failure(operation: "fsync", path: temporary, code: code)
        }
        close(fd)
        guard rename(temporary, path) == 0 else { throw Failure(operation: "rename", path: path, code: errno) }
        let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directoryFD >= 0 else { throw Failure(operation: "open", path: directory, code: errno) }
        defer { close(directoryFD) }
        guard fsync(directoryFD) == 0 else { throw Failure(operation: "fsync", path: directory, code: errno) }
    }

    private static func problem(_ failure: Failure) -> ConfigurationError {
        ConfigurationError(
            description: """
                the state directory cannot be used: \(failure). Mount a writable volume there (an emptyDir) or \
                change --state-dir
                """)
    }
}
