import Foundation

/// Memory figures of a process from `/proc/PID/status`, in bytes.
enum ProcessMemory {
    /// Resident set size now (`VmRSS`).
    static func resident(pid: Int32? = nil) -> Int? { field("VmRSS", pid: pid) }

    /// Peak resident set size since the process started (`VmHWM`).
    static func peakResident(pid: Int32? = nil) -> Int? { field("VmHWM", pid: pid) }

    private static func field(_ name: String, pid: Int32?) -> Int? {
        let path = "/proc/\(pid.map(String.init) ?? "self")/status"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let digits = line.dropFirst(name.count + 1).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }
}
