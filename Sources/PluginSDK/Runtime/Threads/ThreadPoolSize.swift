#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many worker threads libmicrohttpd starts, and why: the start-up log prints both
/// (`threads=1 (cgroup cpu.max 20000/100000)`).
///
/// By default the pool matches the CPUs the process may really use: the scheduler's affinity mask, capped by the
/// cgroup CPU quota rounded up to whole CPUs. A sidecar limited to 200m on a 64-core node gets 1 thread, not 64
/// that fight over a fifth of a CPU. The minimum is 1: a handler that awaits suspends its connection and frees the
/// thread, so one thread serves many calls at once, and more threads than CPUs only add contention.
struct ThreadPoolSize: Equatable, Sendable, CustomStringConvertible {
    /// Worker threads, at least 1.
    var count: Int
    /// Why this many, for the log.
    var reason: String

    /// `1 (cgroup cpu.max 20000/100000)`.
    var description: String { "\(count) (\(reason))" }

    /// A size chosen by the operator or the plugin author; `source` says where (`--threads`, a variable, code).
    static func chosen(_ count: Int, by source: String) -> ThreadPoolSize {
        ThreadPoolSize(count: max(1, count), reason: source)
    }

    /// The size for this process: its affinity mask and its cgroup's CPU quota.
    static func detect() -> ThreadPoolSize {
        let online = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        return detect(affinity: SchedulerAffinity.cpuCount(), online: online, quota: CgroupCPUQuota.read())
    }

    /// The size for `affinity` CPUs (or `online` when the mask is unknown) under `quota`.
    static func detect(affinity: Int?, online: Int, quota: CgroupCPUQuota?) -> ThreadPoolSize {
        let cpus = max(1, affinity ?? online)
        let cpuReason = affinity != nil ? "CPU affinity: \(cpus) CPUs" : "\(cpus) online CPUs"
        guard let quota else {
            return ThreadPoolSize(count: cpus, reason: "\(cpuReason), no cgroup CPU quota")
        }
        if quota.cpus < cpus {
            return ThreadPoolSize(count: quota.cpus, reason: "\(quota)")
        }
        return ThreadPoolSize(count: cpus, reason: "\(cpuReason); \(quota) allows \(quota.cpus)")
    }
}
