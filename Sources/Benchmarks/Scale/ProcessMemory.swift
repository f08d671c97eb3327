import Foundation

/// The process's resident memory, from /proc (Linux); nil where that is not available.
enum ProcessMemory {
    /// VmRSS in bytes.
    static func residentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        return residentBytes(inStatus: status)
    }

    /// Reads the "VmRSS:   12345 kB" line of a /proc status text.
    static func residentBytes(inStatus status: String) -> Int? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 2, let kilobytes = Int(fields[1]) else { return nil }
        return kilobytes * 1024
    }
}
