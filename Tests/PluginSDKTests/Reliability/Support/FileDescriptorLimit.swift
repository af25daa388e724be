#if canImport(Glibc)
import Glibc
#endif

/// Raises this process's soft limit on open files (up to the hard limit), for tests that hold many sockets.
enum FileDescriptorLimit {
    /// Ensures at least `count` descriptors may be open; returns the soft limit now in force.
    @discardableResult
    static func raise(to count: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        if limit.rlim_cur < rlim_t(count) {
            limit.rlim_cur = min(rlim_t(count), limit.rlim_max)
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            _ = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        return Int(limit.rlim_cur)
    }
}
