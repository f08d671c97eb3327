import Conversation
import Foundation
import SchedulerCore
import Testing

@Suite struct VerdictAndNetworkTests {
    @Test(arguments: StoreFidelity.allCases) func aTickTakesOnlyTheMessagesOfPeopleOnItsNetwork(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        _ = await bot.engine.handle(InboundMessage(network: .irc, userID: "irc:bob", roomID: "#team", text: "schedule call tomorrow at 9:00",
                                                   receivedAt: bot.at(23, 8)))
        await bot.say("schedule gym tomorrow at 9:00", at: bot.at(23, 8))
        #expect(await bot.engine.tick(.console, now: bot.at(24, 8, 50)).isEmpty)
        let irc = await bot.engine.tick(.irc, now: bot.at(24, 8, 50))
        #expect(irc.map(\.userID) == ["irc:bob"] && irc.first?.roomID == "#team")
        let matrix = await bot.engine.tick(.matrix, now: bot.at(24, 8, 51))
        #expect(matrix.map(\.userID) == [bot.user], "the IRC round left the Matrix reminder alone")
    }

    @Test(arguments: StoreFidelity.allCases) func aVerdictIsRecordedOnThatEventAndOnlyByItsOwner(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        let first = await bot.say("schedule gym tomorrow at 9am", at: bot.at(23, 8))
        await bot.say("schedule gym tomorrow at 12:00", at: bot.at(23, 8))
        let eventID = try #require(first.verdictEventID)
        let stranger = await bot.engine.handle(InboundMessage(network: .matrix, userID: "@mallory:x", roomID: "!room", text: "done",
                                                              receivedAt: bot.at(24, 13), verdict: EventVerdict(eventID: eventID, outcome: .done)))
        #expect(stranger.replies.isEmpty)
        let verdict = InboundMessage(network: .matrix, userID: bot.user, roomID: "!room", text: "done", receivedAt: bot.at(24, 13),
                                     verdict: EventVerdict(eventID: eventID, outcome: .done))
        let answer = await bot.engine.handle(verdict)
        #expect(answer.intent == .done && answer.event?.id == String(eventID))
        #expect(try bot.events().map(\.status) == [.done, .scheduled])
        let again = await bot.engine.handle(verdict)
        #expect(again.replies.first?.text.contains("already done") == true)
    }

    @Test func aDoneVerdictBeforeTheEventStartsChangesNothing() async throws {
        let bot = try EngineHarness()
        let scheduled = await bot.say("schedule gym tomorrow at 9am", at: bot.at(23, 8))
        let eventID = try #require(scheduled.verdictEventID)
        let early = await bot.engine.handle(InboundMessage(network: .matrix, userID: bot.user, roomID: "!room", text: "done",
                                                           receivedAt: bot.at(24, 8), verdict: EventVerdict(eventID: eventID, outcome: .done)))
        #expect(early.replies.first?.text.contains("can't be done yet") == true)
        #expect(try bot.events().map(\.status) == [.scheduled])
    }
}
