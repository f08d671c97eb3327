import SharedValues
import Dispatch
import Foundation
@testable import Matrix

/// A person on a real encrypting client: matrix-nio (vodozemac) in its own venv, driven through
/// scripts/matrix/nio_peer.py one JSON command per line. Each peer is one device with its own store.
final class NioPeer: @unchecked Sendable {
    // @unchecked: the pipes are used by one request at a time (`queue` is serial).
    private(set) var userID: String
    private(set) var deviceID = ""
    let logPath: String
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    private var buffered = Data()
    private let queue = DispatchQueue(label: "nio-peer")

    /// The venv's python, set up once per test run (checking the venv imports nio, which takes a second or two).
    static func python() throws -> String { try installed.get() }

    private static let installed: Result<String, any Error> = Result {
        let output = try Shell.run(["bash", "scripts/matrix/nio.sh", "setup"])
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("PYTHON=") }) else {
            throw Shell.Failure(description: "nio.sh setup printed no PYTHON: \(output)")
        }
        return String(line.dropFirst(7))
    }

    /// Logs in as a new device of `user` (or restores the device kept in `store`).
    static func login(_ user: String, password: String, on server: SynapseServer, store: String? = nil) async throws -> NioPeer {
        let folder = store ?? FileManager.default.temporaryDirectory.appendingPathComponent("nio-\(UUID().uuidString)").path
        let peer = try NioPeer(python: try python(), server: server, user: user, password: password, store: folder)
        let answer = try await peer.request(["cmd": "login"])
        peer.userID = answer["user_id"]?.string ?? user
        peer.deviceID = answer["device_id"]?.string ?? ""
        return peer
    }

    private init(python: String, server: SynapseServer, user: String, password: String, store: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-u", Shell.packageRoot.appendingPathComponent("scripts/matrix/nio_peer.py").path, server.url, user, password, store]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        logPath = store + ".log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try process.run()
        self.process = process
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
        userID = user
    }

    /// Sends one command and waits for its answer; a failed command throws with the peer's error.
    @discardableResult
    func request(_ command: JSON) async throws -> JSON {
        let line = Data(command.bytes) + Data("\n".utf8)
        let answer: JSON = try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    try self.input.write(contentsOf: line)
                    continuation.resume(returning: try JSON.parse(Array(try self.readLine())))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
        guard answer["ok"] == true else {
            let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            throw Shell.Failure(description: "nio peer: \(answer["error"]?.string ?? "\(answer)")\nlog:\n\(log.suffix(2000))")
        }
        return answer
    }

    private func readLine() throws -> Data {
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffered[buffered.startIndex..<newline]
                buffered = Data(buffered[buffered.index(after: newline)...])
                return Data(line)
            }
            let chunk = output.availableData
            guard !chunk.isEmpty else { throw Shell.Failure(description: "the nio peer exited; log:\n\(logTail)") }
            buffered.append(chunk)
        }
    }

    var logTail: String { String(((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "").suffix(2000)) }

    func createEncryptedRoom(inviting users: [String]) async throws -> String {
        let answer = try await request(["cmd": "create_room", "invite": .array(users.map { .string($0) })])
        return answer["room_id"]?.string ?? ""
    }

    func waitForMember(_ user: String, in room: String, timeout: Int = 30) async throws {
        try await request(["cmd": "wait_member", "room": .string(room), "user": .string(user), "timeout": .number(Double(timeout))])
    }

    func say(_ text: String, in room: String) async throws -> String {
        try await request(["cmd": "say", "room": .string(room), "text": .string(text)])["event_id"]?.string ?? ""
    }

    /// The bot's replies to these events as this device saw them (decrypted or not), once each has one.
    func replies(from sender: String, to events: [String], in room: String, timeout: Int = 30) async throws -> [PeerEvent] {
        let answer = try await request(["cmd": "wait_replies", "room": .string(room), "sender": .string(sender),
                                        "to": .array(events.map { .string($0) }), "timeout": .number(Double(timeout))])
        let replies = (answer["replies"]?.array ?? []).map(PeerEvent.init)
        if answer["timed_out"] == true {
            throw Shell.Failure(description: "no reply to some of \(events); saw \(replies)\npeer log:\n\(logTail)")
        }
        return replies
    }

    func timeline(of room: String) async throws -> [PeerEvent] {
        (try await request(["cmd": "timeline", "room": .string(room)])["events"]?.array ?? []).map(PeerEvent.init)
    }

    /// Event types and senders as the homeserver stores them.
    func serverEvents(in room: String) async throws -> [(type: String, sender: String, isState: Bool)] {
        (try await request(["cmd": "server_events", "room": .string(room)])["events"]?.array ?? []).map {
            ($0["type"]?.string ?? "", $0["sender"]?.string ?? "", $0["state"] == true)
        }
    }

    func sessionIDs() async throws -> Set<String> {
        Set((try await request(["cmd": "session_ids"])["session_ids"]?.array ?? []).compactMap(\.string))
    }

    func stop() async {
        _ = try? await request(["cmd": "stop"])
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}

/// One timeline event as the nio client saw it.
struct PeerEvent: Sendable, CustomStringConvertible {
    var eventID: String
    var sender: String
    var body: String?
    var decrypted: Bool
    var undecryptable: Bool
    var sessionID: String?
    var replyTo: String?
    var msgtype: String?

    init(_ json: JSON) {
        eventID = json["event_id"]?.string ?? ""
        sender = json["sender"]?.string ?? ""
        body = json["body"]?.string
        decrypted = json["decrypted"] == true
        undecryptable = json["undecryptable"] == true
        sessionID = json["session_id"]?.string
        replyTo = json["reply_to"]?.string
        msgtype = json["msgtype"]?.string
    }

    var description: String { "\(sender) \(decrypted ? "decrypted" : undecryptable ? "UNDECRYPTABLE" : "plain") \(body ?? "-") → \(replyTo ?? "-")" }
}
