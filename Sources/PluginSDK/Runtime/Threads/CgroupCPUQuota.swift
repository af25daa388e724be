/// The CPU quota of this process's cgroup: `cpu.max` on cgroup v2, `cpu.cfs_quota_us` and `cpu.cfs_period_us` on v1.
///
/// Files are read under a root directory, `/` in production, so tests can point it at a fake tree
/// (`proc/self/cgroup`, `sys/fs/cgroup/...`). The process's cgroup comes from `proc/self/cgroup`; every level from
/// it up to the mount's top is read and the tightest quota wins, as the kernel enforces each level. When the
/// process's own path is not visible (a container without a cgroup namespace sees the host's path), only the
/// levels that exist are read, which includes the mount's top: the container's own cgroup.
struct CgroupCPUQuota: Equatable, Sendable, CustomStringConvertible {
    /// Microseconds of CPU time allowed per period, over all CPUs.
    var quota: Int
    /// The period, in microseconds.
    var period: Int
    /// The file the quota came from, `cpu.max` or `cpu.cfs_quota_us`.
    var file: String

    /// Whole CPUs the quota amounts to, rounded up, at least 1.
    var cpus: Int { max(1, (quota + period - 1) / period) }

    /// How the start-up log names it: `cgroup cpu.max 20000/100000`.
    var description: String { "cgroup \(file) \(quota)/\(period)" }

    /// Whether this quota allows less CPU time than `other`.
    func isTighter(than other: CgroupCPUQuota) -> Bool {
        quota * other.period < other.quota * period
    }

    /// The quota in force for this process, or `nil` when there is none (`max`, `-1`) or no cgroup files.
    static func read(root: String = "/") -> CgroupCPUQuota? {
        let base = join(root, "sys/fs/cgroup")
        let memberships = CgroupMembership.parse(SmallFile.text(join(root, "proc/self/cgroup")) ?? "")
        let v1Mount = ["cpu,cpuacct", "cpuacct,cpu", "cpu"].map { join(base, $0) }.first(where: SmallFile.exists)
        if let v1Mount, let v1 = memberships.first(where: { $0.controllers.contains("cpu") }) ?? fallback(memberships) {
            return tightest(in: v1Mount, path: v1.path, reading: v1Quota)
        }
        let v2 = memberships.first { $0.hierarchy == "0" && $0.controllers.isEmpty } ?? CgroupMembership.root
        return tightest(in: base, path: v2.path, reading: v2Quota)
    }

    /// Without `proc/self/cgroup` there is nothing to say which hierarchy holds the CPU controller: the mount's top.
    private static func fallback(_ memberships: [CgroupMembership]) -> CgroupMembership? {
        memberships.isEmpty ? CgroupMembership.root : nil
    }

    /// The tightest quota among the directories from `mount` + `path` up to `mount`.
    private static func tightest(
        in mount: String, path: String, reading quota: (String) -> CgroupCPUQuota?
    ) -> CgroupCPUQuota? {
        var components = path.split(separator: "/").filter { $0 != "." && $0 != ".." }.map(String.init)
        var found: CgroupCPUQuota?
        while true {
            let directory = components.reduce(mount) { join($0, $1) }
            if let level = quota(directory), found.map(level.isTighter(than:)) ?? true { found = level }
            if components.isEmpty { return found }
            components.removeLast()
        }
    }

    /// cgroup v2: `cpu.max` holds `$MAX $PERIOD`, with `max` meaning no limit.
    private static func v2Quota(in directory: String) -> CgroupCPUQuota? {
        guard let text = SmallFile.text(join(directory, "cpu.max")) else { return nil }
        let fields = text.split(whereSeparator: \.isWhitespace)
        guard fields.count >= 1, let quota = Int(fields[0]), quota > 0 else { return nil }
        let period = fields.count >= 2 ? Int(fields[1]) ?? 100_000 : 100_000
        guard period > 0 else { return nil }
        return CgroupCPUQuota(quota: quota, period: period, file: "cpu.max")
    }

    /// cgroup v1: `cpu.cfs_quota_us` (-1 means no limit) over `cpu.cfs_period_us`.
    private static func v1Quota(in directory: String) -> CgroupCPUQuota? {
        guard let text = SmallFile.text(join(directory, "cpu.cfs_quota_us")),
            let quota = Int(text.trimmingASCIIWhitespace()), quota > 0
        else { return nil }
        let periodText = SmallFile.text(join(directory, "cpu.cfs_period_us"))?.trimmingASCIIWhitespace()
        let period = periodText.flatMap { Int($0) } ?? 100_000
        guard period > 0 else { return nil }
        return CgroupCPUQuota(quota: quota, period: period, file: "cpu.cfs_quota_us")
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

/// One line of `/proc/self/cgroup`: `hierarchy-ID:controller-list:cgroup-path`.
struct CgroupMembership: Equatable, Sendable {
    var hierarchy: String
    var controllers: [String]
    var path: String

    /// The top of a hierarchy.
    static let root = CgroupMembership(hierarchy: "0", controllers: [], path: "/")

    /// Every well-formed line of `text`.
    static func parse(_ text: String) -> [CgroupMembership] {
        text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { return nil }
            let controllers = fields[1].split(separator: ",").map(String.init)
            return CgroupMembership(hierarchy: String(fields[0]), controllers: controllers, path: String(fields[2]))
        }
    }
}
