import Foundation
import HTTP

/// Radicale and the quirks server (servers/calendar_servers.py) on 127.0.0.1, one pair per test process. They
/// stop when our end of their stdin closes, so they never outlive the run.
struct LoopbackPeers: Sendable {
    let radicalePort: Int
    let quirksPort: Int
    let lifeline: Pipe

    var radicale: String { "http://127.0.0.1:\(radicalePort)" }
    var quirks: String { "http://127.0.0.1:\(quirksPort)" }

    static let shared: Result<LoopbackPeers, PeerFailure> = launch()
    static func running() throws -> LoopbackPeers { try shared.get() }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static func launch() -> Result<LoopbackPeers, PeerFailure> {
        do {
            let python = try setUpPython()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("servers/calendar_servers.py").path]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            var ports: [String: Int] = [:]
            while ports.count < 2, let line = readLine(output.fileHandleForReading) {
                let parts = line.split(separator: "=")
                if parts.count == 2, let port = Int(parts[1]) { ports[String(parts[0])] = port }
            }
            guard let radicale = ports["RADICALE"], let quirks = ports["QUIRKS"] else {
                return .failure(PeerFailure(reason: "calendar_servers.py printed no ports"))
            }
            return .success(LoopbackPeers(radicalePort: radicale, quirksPort: quirks, lifeline: input))
        } catch {
            return .failure(PeerFailure(reason: "\(error)"))
        }
    }

    /// The venv with Radicale, icalendar and recurring-ical-events (scripts/calendar/peers.sh installs it).
    static func setUpPython() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", root.appendingPathComponent("scripts/calendar/peers.sh").path, "setup"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let path = String(decoding: data, as: UTF8.self).split(separator: "\n").last else {
            throw PeerFailure(reason: "scripts/calendar/peers.sh setup failed")
        }
        return String(path)
    }

    private static func readLine(_ handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while let byte = try? handle.read(upToCount: 1)?.first {
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Talking to the peers

    func send(_ method: HTTPMethod, _ url: String, body: String? = nil) async throws -> HTTPResponse {
        let headers: HTTPHeaders = body == nil ? [:] : ["Content-Type": "text/calendar; charset=utf-8"]
        return try await CurlHTTPClient().send(HTTPRequest(method: method, url: url, headers: headers, body: body.map { Array($0.utf8) }))
    }

    /// A new CalDAV calendar collection on Radicale; returns its URL.
    func makeCalendar(user: String, name: String) async throws -> String {
        let created = try await send(.get, "\(quirks)/mkcalendar/\(user)/\(name)")
        guard created.status == 201 else { throw PeerFailure(reason: "MKCALENDAR answered \(created.status)") }
        return String(decoding: created.body, as: UTF8.self)
    }

    func put(_ ics: String, at url: String) async throws {
        let response = try await send(.put, url, body: ics)
        guard (200..<300).contains(response.status) else { throw PeerFailure(reason: "PUT \(url) answered \(response.status)") }
    }

    func stats(_ name: String) async throws -> [String: Int] {
        let response = try await send(.get, "\(quirks)/stats/\(name)")
        return (try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Int]) ?? [:]
    }
}

struct PeerFailure: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
