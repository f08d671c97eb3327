import Conversation
import Foundation
import SchedulerCore
import Testing

/// "move it", "make it 3pm", "cancel that": the event the conversation is about, and a time of day that keeps its day.
@Suite struct FollowUpMoveTests {
    @Test(arguments: StoreFidelity.allCases) func makeItAnotherTimeMovesTheEventJustScheduledOnItsOwnDay(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        await bot.say("schedule deep coding tomorrow for 2h", at: bot.at(23, 8))
        let moved = await bot.say("actually make it 3pm", at: bot.at(23, 8, 1))
        #expect(moved.intent == .move)
        #expect(moved.event?.start == bot.at(24, 15))
        #expect(moved.event?.end == bot.at(24, 17))
        #expect(try bot.events([.scheduled]).count == 1)
    }

    @Test func itIsTheLastEventTalkedAboutNotTheLastCreated() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule gym thursday 6pm", at: bot.at(23, 8))
        await bot.say("schedule reading friday 8pm", at: bot.at(23, 8, 1))
        await bot.say("move gym to 7pm", at: bot.at(23, 8, 2))
        let moved = await bot.say("can we do it at 8pm instead?", at: bot.at(23, 8, 3))
        #expect(moved.event?.taskType == "Gym")
        #expect(moved.event?.start == bot.at(26, 20))
    }

    @Test func aClockAloneKeepsTheEventsDayUnlessThatTimeIsOver() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule gym thursday 6pm", at: bot.at(23, 8))
        let later = await bot.say("move gym to 7", at: bot.at(23, 8, 1))
        #expect(later.event?.start == bot.at(26, 19))
        await bot.say("schedule standup today at 9am for 15 min", at: bot.at(23, 8, 2))
        // 8am today has passed by 10:00, so the next 8am (tomorrow) is meant.
        let next = await bot.say("move standup to 8am", at: bot.at(23, 10))
        #expect(next.event?.start == bot.at(24, 8))
    }

    @Test func cancelThatCancelsTheEventJustTalkedAboutAndThenThereIsNoneLeft() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule gym thursday 6pm", at: bot.at(23, 8))
        await bot.say("schedule reading friday 8pm", at: bot.at(23, 8, 1))
        let cancelled = await bot.say("cancel that", at: bot.at(23, 8, 2))
        #expect(cancelled.intent == .cancel)
        #expect(try bot.events([.cancelled]).map { $0.title.lowercased() } == ["reading"])
        let again = await bot.say("move it to 9pm", at: bot.at(23, 8, 3))
        #expect(again.event == nil)
        #expect(again.replies.first?.text.hasPrefix("Which task should I move?") == true)
        #expect(try bot.events([.scheduled]).map { $0.title.lowercased() } == ["gym"])
    }

    @Test func itWithNothingTalkedAboutAsksWhichTask() async throws {
        let bot = try EngineHarness()
        let response = await bot.say("make it 3pm", at: bot.at(23, 8))
        #expect(response.intent == .move)
        #expect(response.event == nil)
        #expect(response.replies.first?.text.hasPrefix("Which task should I move?") == true)
    }

    @Test func planMyDayShowsTheDaysAgenda() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule standup today at 11am for 15 min", at: bot.at(23, 8))
        let plan = await bot.say("plan my day", at: bot.at(23, 8, 1))
        #expect(plan.intent == .agenda)
        #expect(plan.replies.first?.text.contains("Standup") == true)
    }

    @Test func whenIsMyNextTaskAnswersWithThatTasksNextEvent() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule run thursday 7am for 30 min", at: bot.at(23, 8))
        await bot.say("schedule standup tomorrow at 9:30 for 15 min", at: bot.at(23, 8, 1))
        let next = await bot.say("when's my next run?", at: bot.at(23, 8, 2))
        #expect(next.intent == .agenda)
        let text = try #require(next.replies.first?.text)
        #expect(text.hasPrefix("Next: Thu 26 Nov 07:00-07:30 "), "\(text)")
        #expect(text.lowercased().contains("run"))
        let none = await bot.say("when's my next swim", at: bot.at(23, 8, 3))
        #expect(none.replies.first?.text.hasPrefix("Swim has nothing coming up.") == true)
    }

    @Test func sameTimeOnAnotherDayKeepsTheEventsTimeOfDay() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule dentist friday at 10:30 for 45 min", at: bot.at(23, 8))
        let moved = await bot.say("move the dentist to next monday same time", at: bot.at(23, 17, 5))
        #expect(moved.event?.start == bot.at(30, 10, 30))
        #expect(moved.event?.end == bot.at(30, 11, 15))
    }

    @Test func aPluralOrSomeWordsOfATitleFindTheEvent() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule interval training thursday 7am", at: bot.at(23, 8))
        let moved = await bot.say("push intervals to friday 7am", at: bot.at(23, 8, 1))
        #expect(moved.intent == .move)
        #expect(moved.event?.start == bot.at(27, 7))
        await bot.say("schedule team standup wednesday 9:30 for 15 min", at: bot.at(23, 8, 2))
        let cancelled = await bot.say("cancel the standups", at: bot.at(23, 8, 3))
        #expect(cancelled.replies.first?.text.hasPrefix("Cancelled") == true)
        let other = await bot.say("cancel team lunch", at: bot.at(23, 8, 4))
        #expect(other.event == nil)
    }
}
