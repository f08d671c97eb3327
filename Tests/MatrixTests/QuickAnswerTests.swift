import Conversation
import Foundation
import HTTP
import Logging
import Testing
@testable import Matrix

/// A conversation double with the engine's exactly-once contract kept in memory. It answers
/// "schedule <task>" with a scheduled event, so reactions can be tested before the grammar lands.
actor ScriptedEngine: DurableConversationHandling {
    private(set) var texts: [String] = []
    private var handled: Set<String> = []
    private var state: [String: String] = [:]

    func handle(_ message: InboundMessage) async -> Response {
        if let delivery = message.delivery {
            guard handled.insert(delivery.externalID).inserted else {
                var duplicate = Response(userID: message.userID, roomID: message.roomID, replies: [], intent: "duplicate", route: .none)
                duplicate.isDuplicate = true
                return duplicate
            }
            state.merge(delivery.state) { _, new in new }
        }
        texts.append(message.text)
        if message.text.hasPrefix("schedule ") {
            let task = String(message.text.dropFirst("schedule ".count))
            return Response(userID: message.userID, roomID: message.roomID, replies: [Reply("Scheduled \(task).")],
                            intent: "schedule", route: .command,
                            event: EventSummary(id: "e1", title: task, taskType: task, start: Date(), end: Date(), score: nil))
        }
        return Response(userID: message.userID, roomID: message.roomID, replies: [Reply("Recorded: \(message.text)")],
                        intent: message.text.hasPrefix("done") ? "done" : "skip", route: .command,
                        reaction: message.text.hasPrefix("done") ? "✅" : nil)
    }

    func tick(now: Date) async -> [ProactiveMessage] { [] }
    func undeliveredAnswers() async -> [PendingAnswer] { [] }
    func confirmDelivered(externalID: String, at instant: Date) async {}
    func adapterState(_ key: String) async -> String? { state[key] }
    func setAdapterState(_ key: String, _ value: String?) async { state[key] = value }
}

extension LiveSynapse {
    @Suite struct QuickAnswers {
        @Test func reactionsOnAScheduleMessageRecordDoneOrSkip() async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            let human = try await MatrixUser.login("human", password: "humanpass", on: server)
            let engine = ScriptedEngine()
            var settings = MatrixSettings(homeserverURL: server.url, userID: botID, password: password)
            settings.syncTimeout = .seconds(5)
            let adapter = MatrixAdapter(settings: settings, engine: engine, http: CurlHTTPClient())
            let running = Task { try await adapter.run() }
            defer { running.cancel() }

            let room = try await human.createRoom(inviting: [botID])
            try await human.waitUntilJoined(botID, room: room)
            let ask = try await human.say("schedule gym", in: room)
            let scheduled = try await human.waitFor("the schedule reply", in: room) { !$0.replies(from: botID, to: ask).isEmpty }
            let scheduleMessage = try #require(scheduled.replies(from: botID, to: ask).first?.eventID)
            let chatReply = try await human.say("chat", in: room)
            let chatEvents = try await human.waitFor("the chat reply", in: room) { !$0.replies(from: botID, to: chatReply).isEmpty }
            let notASchedule = try #require(chatEvents.replies(from: botID, to: chatReply).first?.eventID)

            try await human.send(NoticeContent.reaction("🎉", on: scheduleMessage), type: "m.reaction", in: room)
            try await human.send(NoticeContent.reaction("👍", on: notASchedule), type: "m.reaction", in: room)
            try await human.send(NoticeContent.reaction("👍️", on: scheduleMessage), type: "m.reaction", in: room)
            let events = try await human.waitFor("the answer to the 👍", in: room) { events in
                events.replies(from: botID, to: scheduleMessage).contains { $0.content["body"]?.string == "Recorded: done gym" }
            }
            #expect(events.replies(from: botID, to: scheduleMessage).count == 1)
            #expect(events.replies(from: botID, to: notASchedule).isEmpty, "reactions on other bot messages are not answers")
            #expect(await engine.texts == ["schedule gym", "chat", "done gym"])

            try await human.send(NoticeContent.reaction("👎", on: scheduleMessage), type: "m.reaction", in: room)
            try await human.waitFor("the answer to the 👎", in: room) { events in
                events.replies(from: botID, to: scheduleMessage).contains { $0.content["body"]?.string == "Recorded: skip gym" }
            }
            #expect(await engine.texts.last == "skip gym")
        }

        @Test func doneReactionOnTheUsersMessage() async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            let human = try await MatrixUser.login("human", password: "humanpass", on: server)
            var settings = MatrixSettings(homeserverURL: server.url, userID: botID, password: password)
            settings.syncTimeout = .seconds(5)
            let adapter = MatrixAdapter(settings: settings, engine: ScriptedEngine(), http: CurlHTTPClient())
            let running = Task { try await adapter.run() }
            defer { running.cancel() }
            let room = try await human.createRoom(inviting: [botID])
            try await human.waitUntilJoined(botID, room: room)
            let done = try await human.say("done yoga", in: room)
            try await human.waitFor("a ✅ on the user's message", in: room) { events in
                events.contains { $0.sender == botID && $0.type == "m.reaction"
                    && $0.content["m.relates_to"]?["event_id"]?.string == done && $0.content["m.relates_to"]?["key"] == "✅" }
            }
        }
    }
}
