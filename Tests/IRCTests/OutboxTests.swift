import Conversation
import Logging
import Testing
@testable import IRC

/// What is kept for the next connection, without a server: the send queue's lines and the outbox's answers.
@Suite struct OutboxTests {
    static func line(_ text: String, to target: String = "alice", owner: String? = "alice") -> OutboundQueue.Line {
        OutboundQueue.Line(message: IRCMessage("PRIVMSG", target, text), owner: owner)
    }

    @Test func theQueueHandsBackOnlyUnwrittenAnswerLinesInOrderWithAPutBackLineFirst() async {
        let queue = OutboundQueue(capacity: 10)
        #expect(queue.push(Self.line("a1")) == .queued)
        #expect(queue.push(OutboundQueue.Line(message: IRCMessage("JOIN", "#test"), owner: nil)) == .queued)
        #expect(queue.push(Self.line("a2")) == .queued)
        #expect(queue.push(Self.line("b1", to: "bob", owner: "bob")) == .queued)
        let taken = await queue.next()
        #expect(taken?.message.trailing == "a1")
        // The link dropped while a1 waited for its flood token: it goes back first.
        if let taken { queue.putBack(taken) }
        let unsent = queue.takeUnsentAnswerLines()
        #expect(unsent.map { $0.message.trailing ?? "" } == ["a1", "a2", "b1"], "protocol lines are not kept")
        #expect(queue.push(Self.line("late")) == .finished)
        #expect(await queue.next() == nil)
    }

    @Test func aFullQueueRefusesWithoutLosingWhatItHolds() {
        let queue = OutboundQueue(capacity: 2)
        #expect(queue.push(Self.line("1")) == .queued)
        #expect(queue.push(Self.line("2")) == .queued)
        #expect(queue.push(Self.line("3")) == .full)
        #expect(queue.takeUnsentAnswerLines().map { $0.message.trailing ?? "" } == ["1", "2"])
    }

    @Test func withoutALinkAnswersWaitInOrderAndEachPersonKeepsOnlyTheNewest() async {
        let outbox = AnswerOutbox(perPersonLimit: 2, logger: Logger(label: "test"))
        func answer(_ user: String, _ text: String) -> OutgoingAnswer {
            OutgoingAnswer(userID: user, replies: [Reply(text)], target: user, askerNick: user, isChannel: false)
        }
        for (user, text) in [("alice", "a1"), ("bob", "b1"), ("alice", "a2"), ("alice", "a3")] {
            await outbox.deliver(answer(user, text))
        }
        #expect(await outbox.waitingAnswers.map { $0.replies.map(\.text) } == [["b1"], ["a2"], ["a3"]])
    }
}
