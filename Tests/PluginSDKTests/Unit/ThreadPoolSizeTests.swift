import Foundation
import Testing
@testable import PluginSDK

/// A fake filesystem root with `proc/self/cgroup` and cgroup files, removed when the test ends.
struct FakeCgroupTree {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cgroup-\(UUID().uuidString)")
        for (path, content) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("sys/fs/cgroup"), withIntermediateDirectories: true)
    }

    var quota: CgroupCPUQuota? { CgroupCPUQuota.read(root: root.path) }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite("Thread pool size from the CPU affinity mask and the cgroup CPU quota")
struct ThreadPoolSizeTests {
    @Test("cgroup v2: a quota below one CPU gives one thread, and the log names the file and the numbers")
    func v2BelowOneCPU() throws {
        let tree = try FakeCgroupTree([
            "proc/self/cgroup": "0::/kubepods/pod1/sidecar\n",
            "sys/fs/cgroup/kubepods/pod1/sidecar/cpu.max": "20000 100000\n",
        ])
        defer { tree.remove() }
        let quota = try #require(tree.quota)
        #expect(quota == CgroupCPUQuota(quota: 20000, period: 100_000, file: "cpu.max"))
        let size = ThreadPoolSize.detect(affinity: 64, online: 64, quota: quota)
        #expect(size.count == 1)
        #expect(size.description == "1 (cgroup cpu.max 20000/100000)")
    }

    @Test("cgroup v2: 'max' is no limit, so the affinity mask decides")
    func v2Max() throws {
        let tree = try FakeCgroupTree([
            "proc/self/cgroup": "0::/\n",
            "sys/fs/cgroup/cpu.max": "max 100000\n",
        ])
        defer { tree.remove() }
        #expect(tree.quota == nil)
        let size = ThreadPoolSize.detect(affinity: 3, online: 8, quota: tree.quota)
        #expect(size.count == 3)
        #expect(size.reason == "CPU affinity: 3 CPUs, no cgroup CPU quota")
    }

    @Test("cgroup v2: 1.5 CPUs round up to 2; the tightest level between the process's cgroup and the top wins")
    func v2RoundsUpAndWalksUp() throws {
        let tree = try FakeCgroupTree([
            "proc/self/cgroup": "0::/pod/app\n",
            "sys/fs/cgroup/pod/app/cpu.max": "max 100000\n",
            "sys/fs/cgroup/pod/cpu.max": "150000 100000\n",
            "sys/fs/cgroup/cpu.max": "400000 100000\n",
        ])
        defer { tree.remove() }
        let quota = try #require(tree.quota)
        #expect(quota.quota == 150_000)
        #expect(quota.cpus == 2)
        #expect(ThreadPoolSize.detect(affinity: 8, online: 8, quota: quota).count == 2)
    }

    @Test("cgroup v2 in a container without a cgroup namespace: the host path is absent, the top's quota is used")
    func v2HostPathAbsent() throws {
        let tree = try FakeCgroupTree([
            "proc/self/cgroup": "0::/kubepods.slice/kubepods-pod1.slice/cri-containerd-abc.scope\n",
            "sys/fs/cgroup/cpu.max": "50000 100000\n",
        ])
        defer { tree.remove() }
        #expect(tree.quota == CgroupCPUQuota(quota: 50000, period: 100_000, file: "cpu.max"))
    }

    @Test("cgroup v1: cpu.cfs_quota_us over cpu.cfs_period_us in the cpu controller's hierarchy")
    func v1Quota() throws {
        let tree = try FakeCgroupTree([
            "proc/self/cgroup": "12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n0::/\n",
            "sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us": "250000\n",
            "sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us": "100000\n",
            "sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us": "-1\n",
        ])
        defer { tree.remove() }
        let quota = try #require(tree.quota)
        #expect(quota == CgroupCPUQuota(quota: 250_000, period: 100_000, file: "cpu.cfs_quota_us"))
        let size = ThreadPoolSize.detect(affinity: 16, online: 16, quota: quota)
        #expect(size.description == "3 (cgroup cpu.cfs_quota_us 250000/100000)")
    }

    @Test("cgroup v1: a quota of -1 is no limit")
    func v1Unlimited() throws {
        let tree = try FakeCgroupTree([
            "proc/self/cgroup": "4:cpu,cpuacct:/\n",
            "sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us": "-1\n",
            "sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us": "100000\n",
        ])
        defer { tree.remove() }
        #expect(tree.quota == nil)
    }

    @Test("no cgroup files at all: no quota, and the online CPUs decide when the affinity mask is unknown")
    func missingFiles() throws {
        let tree = try FakeCgroupTree([:])
        defer { tree.remove() }
        #expect(tree.quota == nil)
        let size = ThreadPoolSize.detect(affinity: nil, online: 4, quota: nil)
        #expect(size == ThreadPoolSize(count: 4, reason: "4 online CPUs, no cgroup CPU quota"))
    }

    @Test("malformed cgroup files are ignored rather than trusted", arguments: ["", "lots 100000", "0 100000", "10 0"])
    func malformed(content: String) throws {
        let tree = try FakeCgroupTree(["proc/self/cgroup": "0::/\n", "sys/fs/cgroup/cpu.max": content])
        defer { tree.remove() }
        #expect(tree.quota == nil)
    }

    @Test("the affinity mask caps a generous quota, and the log says both")
    func affinityCapsQuota() {
        let quota = CgroupCPUQuota(quota: 800_000, period: 100_000, file: "cpu.max")
        let size = ThreadPoolSize.detect(affinity: 2, online: 64, quota: quota)
        #expect(size.count == 2)
        #expect(size.reason == "CPU affinity: 2 CPUs; cgroup cpu.max 800000/100000 allows 8")
    }

    @Test("this machine: at least one thread, never more than the online CPUs, and a reason")
    func thisMachine() {
        let size = ThreadPoolSize.detect()
        #expect(size.count >= 1)
        #expect(size.count <= max(1, ProcessInfo.processInfo.activeProcessorCount))
        #expect(!size.reason.isEmpty)
        #expect(SchedulerAffinity.cpuCount() != nil)
    }

    @Test("a size chosen by flag, variable or code is used as given and says where it came from")
    func chosen() {
        #expect(ThreadPoolSize.chosen(6, by: "--threads").description == "6 (--threads)")
    }
}
