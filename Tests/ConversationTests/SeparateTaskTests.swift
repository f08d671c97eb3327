import Conversation
import Foundation
import Language
import SchedulerCore
import Testing

/// "that's a different task" gives the booking the matcher joined to another task type a type of its own.
@Suite struct SeparateTaskTests {
    @Test(arguments: StoreFidelity.allCases) func aJoinedBookingGetsATypeOfItsOwnAndKeepsIt(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        await bot.say("schedule team standup thursday 9am", at: bot.at(23, 8))
        let joined = await bot.say("schedule team sync friday 9am", at: bot.at(23, 8, 1))
        #expect(joined.replies.first?.text.contains("together with your Team Standup") == true)
        #expect(joined.replies.first?.text.contains("say \"different task\"") == true)
        let standup = try #require(try bot.taskType("team standup"))
        #expect(try bot.taskType("team sync") == nil)
        #expect(standup.recentScheduleCount == 2)

        let split = await bot.say("no, that's a different task", at: bot.at(23, 8, 2))
        #expect(split.intent == .separateTask)
        #expect(split.replies.first?.text.hasPrefix("Done: Team Sync is a task of its own now") == true)
        let own = try #require(try bot.taskType("team sync"))
        let friday = try #require(try bot.events([.scheduled]).first { $0.start == bot.at(27, 9) })
        #expect(friday.taskTypeID == own.id)
        #expect(own.recentScheduleCount == 1)
        #expect(try bot.taskType("team standup")?.recentScheduleCount == 1)

        // The next booking of that name finds its own type by name; saying it again changes nothing.
        let again = await bot.say("schedule team sync saturday 9am", at: bot.at(23, 8, 3))
        #expect(again.replies.first?.text.contains("together with") == false)
        #expect(try bot.events([.scheduled]).filter { $0.taskTypeID == own.id }.count == 2)
        let twice = await bot.say("that's a different task", at: bot.at(23, 8, 4))
        #expect(twice.replies.first?.text == "Team Sync already has a task type of its own.")
    }

    @Test(arguments: StoreFidelity.allCases) func withNoRecentBookingThereIsNothingToSplitOff(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        let nothing = await bot.say("that's a different task", at: bot.at(23, 8))
        #expect(nothing.replies.first?.text.hasPrefix("There's nothing to split off") == true)
        await bot.say("schedule team standup thursday 9am", at: bot.at(23, 8, 1))
        await bot.say("schedule team sync friday 9am", at: bot.at(23, 8, 2))
        let late = await bot.say("that's a different task", at: bot.at(25, 9))
        #expect(late.replies.first?.text.hasPrefix("There's nothing to split off") == true)
        #expect(try bot.taskType("team sync") == nil)
    }
}
