#if canImport(Glibc)
import Glibc
#endif

/// Replays saved inputs through the harness without libFuzzer (regression mode).
enum Replay {
    /// Runs every file under `paths`; returns the exit status.
    static func run(paths: [String]) -> Int32 {
        guard !paths.isEmpty else {
            print("usage: PluginFuzz FILE|DIR...   (build with `make fuzz` to fuzz)")
            return 64
        }
        var count = 0
        for path in paths {
            for file in files(under: path) {
                guard let bytes = read(file) else {
                    print("cannot read \(file)")
                    return 1
                }
                bytes.withUnsafeBytes { Harness.shared.testOneInput($0) }
                count += 1
            }
        }
        Harness.shared.checkStillServing()
        print("replayed \(count) inputs; every invariant held and the server still serves")
        return 0
    }

    private static func files(under path: String) -> [String] {
        guard let directory = opendir(path) else { return [path] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") && name != "README.md" { names.append("\(path)/\(name)") }
        }
        return names.sorted()
    }

    private static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = Glibc.read(fd, &chunk, chunk.count)
            if count < 0 { return nil }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }
}
