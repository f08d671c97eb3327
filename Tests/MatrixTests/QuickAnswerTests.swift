import SharedValues
import Conversation
import Foundation
import HTTP
import SchedulerCore
import Storage
import Testing
@testable import Matrix

/// The real engine on a private in-memory database, with the human already past the welcome.
struct MatrixEngine {
    let store: SQLiteStore
    let engine: Engine

    init(onboarded user: String) throws {
        store = try SQLiteStore()
        engine = Engine(store: store)
        var profile = UserProfile(id: user, createdAt: Date(timeIntervalSince1970: 0))
        profile.onboarding = .done
        try store.write { try $0.save(profile) }
    }

    func events(of user: String) throws -> [Event] {
        let all = DateInterval(start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 4_000_000_000))
        return try store.read { try $0.events(of: user, overlapping: all, statuses: Set(Event.Status.allCases)) }
    }

    /// Moves an event to `start` (an hour long), as if time had passed since it was scheduled.
    func move(_ eventID: Int64, to start: Date) throws {
        try store.write { session in
            guard var event = try session.event(id: eventID) else { return }
            event.start = start
            event.end = start.addingTimeInterval(3600)
            try session.save(&event)
        }
    }
}

extension LiveSynapse {
    @Suite struct QuickAnswers {
        @Test func aReactionResolvesTheEventItsMessageWasAbout() async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            let human = try await MatrixUser.login("human", password: "humanpass", on: server)
            let bot = try MatrixEngine(onboarded: human.userID)
            var settings = MatrixSettings(homeserverURL: server.url, userID: botID, password: password)
            settings.syncTimeout = .seconds(5)
            let adapter = MatrixAdapter(settings: settings, engine: bot.engine, http: CurlHTTPClient())
            let running = Task { try await adapter.run() }
            defer { running.cancel() }

            let room = try await human.createRoom(inviting: [botID])
            try await human.waitUntilJoined(botID, room: room)
            var sent: [String] = []
            for when in ["tomorrow at 7am", "tomorrow at 9am", "tomorrow at 11am"] {
                let ask = try await human.say("schedule gym \(when) for 1h", in: room)
                let events = try await human.waitFor("the answer to \(when)", in: room) { !$0.replies(from: botID, to: ask).isEmpty }
                #expect(events.replies(from: botID, to: ask).count == 1, "one answer is one Matrix event")
                sent.append(try #require(events.replies(from: botID, to: ask).first?.eventID))
            }
            let scheduleMessages = sent
            let open = try await human.say("schedule reading", in: room)
            let placed = try await human.waitFor("the answer without a time", in: room) { !$0.replies(from: botID, to: open).isEmpty }
            let answer = placed.replies(from: botID, to: open)
            #expect(answer.count == 1, "the slot and its alternatives arrive as one event")
            let body = answer.first?.content["body"]?.string ?? ""
            let html = answer.first?.content["formatted_body"]?.string ?? ""
            #expect(body.contains("\nAlso good: ") && html.contains("<br>Also good: "), "\(body)")
            let chat = try await human.say("thanks", in: room)
            let chatEvents = try await human.waitFor("the chat reply", in: room) { !$0.replies(from: botID, to: chat).isEmpty }
            let notAboutAnEvent = try #require(chatEvents.replies(from: botID, to: chat).first?.eventID)
            let gyms = try bot.events(of: human.userID).filter { $0.title == "Gym" }.compactMap(\.id)
            try #require(gyms.count == 3)
            // The first two have started since; the older one is earlier, so "the latest gym" would be the second.
            try bot.move(gyms[0], to: Date().addingTimeInterval(-3 * 3600))
            try bot.move(gyms[1], to: Date().addingTimeInterval(-1.5 * 3600))

            try await human.send(NoticeContent.reaction("🎉", on: scheduleMessages[0]), type: "m.reaction", in: room)
            try await human.send(NoticeContent.reaction("👍", on: notAboutAnEvent), type: "m.reaction", in: room)
            try await human.send(NoticeContent.reaction("👍️", on: scheduleMessages[0]), type: "m.reaction", in: room)
            try await human.waitFor("the answer to the 👍 on the older message", in: room) { events in
                events.replies(from: botID, to: scheduleMessages[0]).contains { $0.content["body"]?.string?.hasPrefix("Marked") == true }
            }
            var statuses = try bot.events(of: human.userID).filter { $0.title == "Gym" }.map(\.status)
            #expect(statuses == [.done, .scheduled, .scheduled], "the 👍 resolves the event its message was about")

            try await human.send(NoticeContent.reaction("👍", on: scheduleMessages[2]), type: "m.reaction", in: room)
            try await human.waitFor("the answer to the 👍 on a future event", in: room) { events in
                events.replies(from: botID, to: scheduleMessages[2]).contains { $0.content["body"]?.string?.contains("can't be done yet") == true }
            }
            try await human.send(NoticeContent.reaction("👎", on: scheduleMessages[1]), type: "m.reaction", in: room)
            let final = try await human.waitFor("the answer to the 👎", in: room) { events in
                events.replies(from: botID, to: scheduleMessages[1]).contains { $0.content["body"]?.string?.contains("skipped") == true }
            }
            statuses = try bot.events(of: human.userID).filter { $0.title == "Gym" }.map(\.status)
            #expect(statuses == [.done, .skipped, .scheduled], "an event that has not started is never marked done")
            #expect(final.replies(from: botID, to: notAboutAnEvent).isEmpty, "reactions on other bot messages are not answers")
            #expect(final.replies(from: botID, to: scheduleMessages[0]).count == 1, "the 🎉 is not an answer")
        }

        @Test func doneReactionOnTheUsersMessage() async throws {
            let server = try await SharedSynapse.shared.server()
            let (botID, password) = try server.freshBot()
            let human = try await MatrixUser.login("human", password: "humanpass", on: server)
            var settings = MatrixSettings(homeserverURL: server.url, userID: botID, password: password)
            settings.syncTimeout = .seconds(5)
            let bot = try MatrixEngine(onboarded: human.userID)
            let adapter = MatrixAdapter(settings: settings, engine: bot.engine, http: CurlHTTPClient())
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
