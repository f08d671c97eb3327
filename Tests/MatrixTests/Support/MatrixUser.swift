import SharedValues
import Foundation
import HTTP
@testable import Matrix

/// A person in the test, driving the homeserver with plain client-server API calls.
struct MatrixUser: Sendable {
    let userID: String
    let api: MatrixAPI

    static func login(_ user: String, password: String, on server: SynapseServer) async throws -> MatrixUser {
        let anonymous = MatrixAPI(homeserver: server.url, http: CurlHTTPClient())
        let answer = try await patiently {
            try await anonymous.call(.post, "/_matrix/client/v3/login", body: [
                "type": "m.login.password", "identifier": ["type": "m.id.user", "user": .string(user)], "password": .string(password),
            ])
        }
        guard let token = answer["access_token"]?.string, let userID = answer["user_id"]?.string else {
            throw Shell.Failure(description: "login answer without token: \(answer)")
        }
        return MatrixUser(userID: userID, api: MatrixAPI(homeserver: server.url, http: CurlHTTPClient(), accessToken: token))
    }

    /// The human side honours 429 too, so rate-limit tests measure the bot, not the test driver.
    static func patiently(_ call: @Sendable () async throws -> JSON) async throws -> JSON {
        while true {
            do { return try await call() } catch MatrixError.rateLimited(let wait) {
                try await Task.sleep(for: (wait ?? .seconds(1)) + .milliseconds(50))
            }
        }
    }

    func call(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: JSON? = nil) async throws -> JSON {
        try await Self.patiently { try await api.call(method, "/_matrix/client/v3" + path, query: query, body: body) }
    }

    func createRoom(inviting invitees: [String], encrypted: Bool = false) async throws -> String {
        var body: [String: JSON] = ["invite": .array(invitees.map { .string($0) }), "preset": "private_chat"]
        if encrypted {
            body["initial_state"] = [["type": "m.room.encryption", "state_key": "", "content": ["algorithm": "m.megolm.v1.aes-sha2"]]]
        }
        guard let roomID = try await call(.post, "/createRoom", body: .object(body))["room_id"]?.string else {
            throw Shell.Failure(description: "createRoom without room_id")
        }
        return roomID
    }

    @discardableResult
    func send(_ content: JSON, type: String = "m.room.message", in roomID: String) async throws -> String {
        let path = "/rooms/\(MatrixAPI.pathEscape(roomID))/send/\(type)/\(UUID().uuidString)"
        guard let eventID = try await call(.put, path, body: content)["event_id"]?.string else {
            throw Shell.Failure(description: "send without event_id")
        }
        return eventID
    }

    @discardableResult
    func say(_ text: String, in roomID: String, thread: String? = nil) async throws -> String {
        var content: [String: JSON] = ["msgtype": "m.text", "body": .string(text)]
        if let thread { content["m.relates_to"] = ["rel_type": "m.thread", "event_id": .string(thread)] }
        return try await send(.object(content), in: roomID)
    }

    func leave(_ roomID: String) async throws {
        _ = try await call(.post, "/rooms/\(MatrixAPI.pathEscape(roomID))/leave", body: [:])
    }

    func joinedMembers(_ roomID: String) async throws -> Set<String> {
        Set(try await call(.get, "/rooms/\(MatrixAPI.pathEscape(roomID))/joined_members")["joined"]?.object?.keys ?? [:].keys)
    }

    /// Every event of the room, oldest first (rooms in tests are small).
    func events(in roomID: String) async throws -> [RoomEvent] {
        let chunk = try await call(.get, "/rooms/\(MatrixAPI.pathEscape(roomID))/messages", query: [("dir", "b"), ("limit", "1000")])
        return (chunk["chunk"]?.array ?? []).compactMap(RoomEvent.init(json:)).reversed()
    }

    /// Polls until `condition` holds for the room's events, or fails after `timeout`.
    @discardableResult
    func waitFor(_ what: String, in roomID: String, timeout: Duration = .seconds(30),
                 _ condition: @Sendable ([RoomEvent]) -> Bool) async throws -> [RoomEvent] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let events = try await events(in: roomID)
            if condition(events) { return events }
            guard ContinuousClock.now < deadline else {
                throw Shell.Failure(description: "timed out waiting for \(what); room has:\n" + events.map { "\($0.sender) \($0.type) \($0.content)" }.joined(separator: "\n"))
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    func waitUntilJoined(_ member: String, room roomID: String, timeout: Duration = .seconds(30)) async throws {
        try await waitFor("\(member) to join", in: roomID, timeout: timeout) { events in
            events.contains { $0.type == "m.room.member" && $0.stateKey == member && $0.membership == "join" }
        }
    }
}

extension [RoomEvent] {
    /// The bot's notices that reply to `eventID` (directly or in its thread).
    func replies(from bot: String, to eventID: String) -> [RoomEvent] {
        filter { $0.sender == bot && $0.content["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.string == eventID }
    }

    /// Pairs of bot notices with the same source and the same text: what exactly-once must prevent.
    func duplicateReplies(from bot: String) -> [String] {
        var seen = Set<String>(), duplicates: [String] = []
        for event in self where event.sender == bot && event.type == "m.room.message" {
            let key = (event.content["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.string ?? "-") + "|" + (event.content["body"]?.string ?? "")
            if !seen.insert(key).inserted { duplicates.append(key) }
        }
        return duplicates
    }
}
