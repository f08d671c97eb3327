import SharedValues
import Testing
@testable import Matrix

@Suite struct TimelineClassifierTests {
    let bot = "@bot:localhost"

    func text(_ body: String, sender: String = "@ann:localhost", msgtype: String = "m.text", relatesTo: JSON? = nil) -> RoomEvent {
        var content: [String: JSON] = ["msgtype": .string(msgtype), "body": .string(body)]
        if let relatesTo { content["m.relates_to"] = relatesTo }
        return RoomEvent(type: "m.room.message", sender: sender, eventID: "$e1", content: .object(content))
    }

    @Test func plainTextIsAMessage() {
        #expect(TimelineClassifier.classify(text("agenda"), botUserID: bot)
            == .message(UserMessage(eventID: "$e1", sender: "@ann:localhost", text: "agenda", threadRootID: nil)))
    }

    @Test func skipsOwnMessagesNoticesEditsAndNonText() {
        #expect(TimelineClassifier.classify(text("hi", sender: bot), botUserID: bot) == .ignored(.ownEvent))
        #expect(TimelineClassifier.classify(text("beep", msgtype: "m.notice"), botUserID: bot) == .ignored(.notice))
        #expect(TimelineClassifier.classify(text("* fixed", relatesTo: ["rel_type": "m.replace", "event_id": "$old"]), botUserID: bot)
            == .ignored(.edit))
        #expect(TimelineClassifier.classify(text("cat.png", msgtype: "m.image"), botUserID: bot) == .ignored(.notText))
        #expect(TimelineClassifier.classify(text("   "), botUserID: bot) == .ignored(.emptyText))
    }

    @Test func threadedMessageKeepsItsRoot() {
        let event = text("done", relatesTo: ["rel_type": "m.thread", "event_id": "$root"])
        guard case .message(let message) = TimelineClassifier.classify(event, botUserID: bot) else {
            Issue.record("expected a message"); return
        }
        #expect(message.threadRootID == "$root")
    }

    @Test func replyFallbackQuoteIsRemoved() {
        guard case .message(let message) = TimelineClassifier.classify(text("> <@bot:localhost> Scheduled gym\n> more\n\ndone gym"),
                                                                       botUserID: bot) else {
            Issue.record("expected a message"); return
        }
        #expect(message.text == "done gym")
    }

    @Test func reactionsBecomeQuickAnswers() {
        func reaction(_ key: String) -> TimelineItem {
            TimelineClassifier.classify(RoomEvent(type: "m.reaction", sender: "@ann:localhost", eventID: "$r",
                                                  content: ["m.relates_to": ["rel_type": "m.annotation", "event_id": "$bot", "key": .string(key)]]),
                                        botUserID: bot)
        }
        #expect(reaction("👍") == .quickAnswer(QuickAnswer(eventID: "$r", sender: "@ann:localhost", targetEventID: "$bot", verdict: .done)))
        #expect(reaction("👍🏽") == .quickAnswer(QuickAnswer(eventID: "$r", sender: "@ann:localhost", targetEventID: "$bot", verdict: .done)))
        #expect(reaction("✔️") == .quickAnswer(QuickAnswer(eventID: "$r", sender: "@ann:localhost", targetEventID: "$bot", verdict: .done)))
        #expect(reaction("❌") == .quickAnswer(QuickAnswer(eventID: "$r", sender: "@ann:localhost", targetEventID: "$bot", verdict: .skip)))
        #expect(reaction("🎉") == .ignored(.unknownReaction))
    }

    @Test func encryptedAndMembershipEvents() {
        #expect(TimelineClassifier.classify(RoomEvent(type: "m.room.encrypted", sender: "@ann:localhost", eventID: "$x",
                                                      content: ["algorithm": "m.megolm.v1.aes-sha2", "ciphertext": "zz"]),
                                            botUserID: bot) == .encrypted)
        let leave = RoomEvent(type: "m.room.member", sender: "@ann:localhost", stateKey: "@ann:localhost", content: ["membership": "leave"])
        #expect(TimelineClassifier.classify(leave, botUserID: bot) == .memberLeft)
    }

    @Test func hostileEventsAreDroppedNotFatal() throws {
        let batch = try JSON.parse(Array("""
            {"next_batch":"s1","rooms":{"join":{"!r":{"timeline":{"events":[
              {"type":"m.room.message"},
              {"type":"m.room.message","sender":"@ann:localhost","event_id":"$ok","content":{"msgtype":"m.text","body":"hi"}},
              {"type":"m.room.message","sender":"@ann:localhost","event_id":"$weird","content":{"msgtype":"m.text","body":42}},
              17
            ]}}}}}
            """.utf8))
        let sync = try SyncResponse(json: batch)
        #expect(sync.joined.count == 1)
        let items = sync.joined[0].room.timeline.map { TimelineClassifier.classify($0, botUserID: bot) }
        #expect(items == [.message(UserMessage(eventID: "$ok", sender: "@ann:localhost", text: "hi", threadRootID: nil)),
                          .ignored(.emptyText)])
    }

    @Test func syncWithoutRoomsIsEmpty() throws {
        let sync = try SyncResponse(json: ["next_batch": "s2"])
        #expect(sync.nextBatch == "s2" && sync.joined.isEmpty && sync.invites.isEmpty)
        #expect(throws: MatrixError.self) { try SyncResponse(json: ["rooms": [:]]) }
    }

    @Test func eventsBeforeTheBotsJoinAreSkipped() {
        let before = text("old history")
        let join = RoomEvent(type: "m.room.member", sender: bot, eventID: "$j", stateKey: bot, content: ["membership": "join"])
        var after = text("hello")
        after.eventID = "$e2"
        let kept = MatrixAdapter.eventsAfterOwnJoin([before, join, after], botUserID: bot)
        #expect(kept.map(\.eventID) == ["$e2"])
        let rename = RoomEvent(type: "m.room.member", sender: bot, eventID: "$n", stateKey: bot, content: ["membership": "join"],
                               unsigned: ["prev_content": ["membership": "join"]])
        #expect(MatrixAdapter.eventsAfterOwnJoin([before, rename], botUserID: bot).count == 2)
    }
}
