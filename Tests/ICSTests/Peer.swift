import Foundation

/// The Python peers (icalendar, recurring-ical-events) in the venv that scripts/calendar/peers.sh installs.
enum Peer {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("peers/peer.py").path

    static let python: Result<String, PeerError> = {
        do {
            let output = try run(["bash", root.appendingPathComponent("scripts/calendar/peers.sh").path, "setup"])
            guard let path = output.split(separator: "\n").last.map(String.init), !path.isEmpty else {
                return .failure(PeerError(reason: "peers.sh printed no python path"))
            }
            return .success(path)
        } catch {
            return .failure(error as? PeerError ?? PeerError(reason: "\(error)"))
        }
    }()

    /// [uid, start, end] rows (epoch seconds) recurring-ical-events finds between the bounds.
    static func expand(_ ics: String, from: Date, to: Date, zone: String) throws -> [[String]] {
        let file = try temporary(ics)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let output = try run([try python.get(), script, "expand", file, "\(Int(from.timeIntervalSince1970))", "\(Int(to.timeIntervalSince1970))", zone])
        return try output.split(separator: "\n").map { line in
            guard let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], row.count == 3 else {
                throw PeerError(reason: "bad peer line \(line)")
            }
            return row.map { "\($0)" }
        }
    }

    /// The VEVENTs as icalendar reads them.
    static func feed(_ ics: String) throws -> [[String: Any]] {
        let file = try temporary(ics)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let output = try run([try python.get(), script, "feed", file])
        return try output.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw PeerError(reason: "bad peer line \(line)")
            }
            return object
        }
    }

    static func temporary(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ics-peer-\(UUID().uuidString).ics").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PeerError(reason: "\(arguments.prefix(3).joined(separator: " ")) failed: \(String(decoding: errorData, as: UTF8.self).suffix(2000))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

struct PeerError: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}

/// SplitMix64: seeded, so a failing random calendar can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
