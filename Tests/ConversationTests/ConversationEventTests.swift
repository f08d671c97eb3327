import Conversation
import Foundation
import SchedulerCore
import Testing

/// Which event "it" is after an agenda answer or a booking that failed, and what an event named by a time with
/// nothing then gets.
@Suite struct ConversationEventTests {
    @Test func anAgendaAnswerNamingOneEventMakesItTheEventTalkedAbout() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule calculus tomorrow at 10am for 2h", at: bot.at(23, 8))
        await bot.say("schedule essay thursday at 2pm for 1h", at: bot.at(23, 8, 1))
        let agenda = await bot.say("what do i have tomorrow?", at: bot.at(23, 8, 2))
        #expect(agenda.intent == .agenda)
        #expect(agenda.event == nil)
        let moved = await bot.say("make it 11 instead", at: bot.at(23, 8, 3))
        #expect(moved.event?.taskType == "Calculus")
        #expect(moved.event?.start == bot.at(24, 11))
        await bot.say("when's my next essay?", at: bot.at(23, 8, 4))
        let pushed = await bot.say("push it back an hour", at: bot.at(23, 8, 5))
        #expect(pushed.event?.taskType == "Essay")
        #expect(pushed.event?.start == bot.at(26, 15))
    }

    @Test func aFailedBookingLeavesNoEventForAFollowUp() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule review friday at 3pm", at: bot.at(23, 8))
        let failed = await bot.say("schedule design doc today 7am-8am", at: bot.at(23, 10))
        #expect(failed.event == nil)
        let followUp = await bot.say("actually make that thursday", at: bot.at(23, 10, 1))
        #expect(followUp.event == nil)
        #expect(try bot.events([.scheduled]).map(\.start) == [bot.at(27, 15)])
    }

    @Test func anEventNamedByATimeWithNothingThenSaysSo() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule review friday at 3pm", at: bot.at(23, 8))
        let response = await bot.say("push my 11am back an hour", at: bot.at(23, 9))
        #expect(response.intent == .move)
        #expect(response.event == nil)
        #expect(response.replies.first?.text.hasPrefix("Nothing is scheduled then to move") == true)
    }

    @Test func aNewLengthKeepsTheEventsStart() async throws {
        let bot = try EngineHarness()
        await bot.say("long run saturday 7am for 2 hours", at: bot.at(23, 8))
        let shorter = await bot.say("make the long run 90 minutes", at: bot.at(23, 8, 1))
        #expect(shorter.intent == .move)
        #expect(shorter.event?.start == bot.at(28, 7))
        #expect(shorter.event?.end == bot.at(28, 8, 30))
        let followUp = await bot.say("make it 1 hour", at: bot.at(23, 8, 2))
        #expect(followUp.event?.end == bot.at(28, 8))
    }

    @Test func movingATaskWithNothingLeftToMoveBooksItWhereTheMoveSays() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule essay today at 2pm for 1h", at: bot.at(23, 8))
        await bot.say("skip essay today, too tired", at: bot.at(23, 9))
        let moved = await bot.say("move essay to saturday 10am", at: bot.at(23, 9, 1))
        #expect(moved.event?.taskType == "Essay")
        #expect(moved.event?.start == bot.at(28, 10))
        #expect(try bot.events([.skipped]).count == 1)
        let unknown = await bot.say("move yoga to saturday 11am", at: bot.at(23, 9, 2))
        #expect(unknown.event == nil)
    }
}
