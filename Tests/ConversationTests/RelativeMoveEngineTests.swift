import Conversation
import Foundation
import SchedulerCore
import Testing

/// "push gym back an hour": the engine moves the event from its own start, not from now.
@Suite struct RelativeMoveEngineTests {
    @Test func aShiftMovesTheEventFromItsOwnStartKeepingItsLength() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule gym thursday 6pm for 1h", at: bot.at(23, 8))
        let later = await bot.say("push gym back an hour", at: bot.at(23, 9))
        #expect(later.intent == .move)
        #expect(later.event?.start == bot.at(26, 19))
        #expect(later.event?.end == bot.at(26, 20))
        let earlier = await bot.say("move gym 30 min earlier", at: bot.at(23, 9, 1))
        #expect(earlier.event?.start == bot.at(26, 18, 30))
        let nextDay = await bot.say("postpone gym by a day", at: bot.at(23, 9, 2))
        #expect(nextDay.event?.start == bot.at(27, 18, 30))
        #expect(try bot.events([.scheduled]).count == 1)
    }

    @Test func anEventNamedByItsTimeAloneIsTheOneThen() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule review today at 3pm for 1h", at: bot.at(23, 8))
        await bot.say("schedule gym today at 6pm for 1h", at: bot.at(23, 8, 1))
        let moved = await bot.say("push my 3pm back an hour", at: bot.at(23, 9))
        #expect(moved.intent == .move)
        #expect(moved.event?.taskType == "Review")
        #expect(moved.event?.start == bot.at(23, 16))
        let nothing = await bot.say("push my 11am back an hour", at: bot.at(23, 9, 1))
        #expect(nothing.event == nil)
        #expect(try bot.events([.scheduled]).map(\.start).sorted() == [bot.at(23, 16), bot.at(23, 18)])
    }

    @Test func aTimeSaidWithTheTaskPicksWhichEventMoves() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule gym wednesday 6pm for 1h", at: bot.at(23, 8))
        await bot.say("schedule gym thursday 6pm for 1h", at: bot.at(23, 8, 1))
        let moved = await bot.say("move gym from thursday to friday 7pm", at: bot.at(23, 9))
        #expect(moved.event?.start == bot.at(27, 19))
        let shifted = await bot.say("push wednesday's gym back an hour", at: bot.at(23, 9, 1))
        #expect(shifted.event?.start == bot.at(25, 19))
        #expect(try bot.events([.scheduled]).map(\.start).sorted() == [bot.at(25, 19), bot.at(27, 19)])
    }
}
