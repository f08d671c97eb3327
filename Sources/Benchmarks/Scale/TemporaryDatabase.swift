import Foundation

/// A uniquely named SQLite file (with its WAL and shared-memory companions) that the benchmark removes.
struct TemporaryDatabase: Sendable {
    let path: String

    init(folder: URL) {
        path = folder.appendingPathComponent("scheduler-bot-bench-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).sqlite").path
    }

    var files: [String] { [path, path + "-wal", path + "-shm"] }

    /// The database file plus its write-ahead log (the shared-memory index is not data).
    func bytesOnDisk() -> Int {
        [path, path + "-wal"].reduce(0) { total, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue
            return total + (size ?? 0)
        }
    }

    func remove() {
        for file in files { try? FileManager.default.removeItem(atPath: file) }
    }
}
