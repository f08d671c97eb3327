import Conversation
import Foundation
import SchedulerCore
import Storage
import Testing

@Suite struct HabitEngineTests {
    func gymEvents(_ bot: EngineHarness, _ statuses: Set<Event.Status> = [.scheduled, .done, .skipped]) throws -> [Event] {
        try bot.events(statuses).filter { $0.title == "Gym" }
    }

    @Test func aFlexibleHabitIsPlacedEveryWeekAndReplacedWhenSkipped() async throws {
        let bot = try EngineHarness()
        let reply = await bot.say("schedule gym 3 times a week for 1h", at: bot.at(23, 7))
        #expect(reply.intent == .habit)
        #expect(reply.replies.first?.text.hasPrefix("New habit: Gym 3× a week, 1h. This week:") == true)
        #expect(try gymEvents(bot).count == 3)
        // Three weeks: each Monday's first tick places that week's three.
        for monday in [30, 37] {
            let day = monday > 30 ? monday - 30 : monday
            let month = monday > 30 ? 12 : 11
            _ = await bot.engine.tick(.matrix, now: bot.at(day, 0, 5, month: month))
        }
        let all = try gymEvents(bot)
        #expect(all.count == 9)
        let weeks = Dictionary(grouping: all) { bot.week.isoWeek(containing: $0.start).start }
        #expect(weeks.count == 3 && weeks.values.allSatisfy { $0.count == 3 && Set($0.map { bot.week.startOfDay($0.start) }).count == 3 })

        // Skipping the first one of week two (via its follow-up) places a replacement later that week.
        let firstOfWeekTwo = try #require(all.filter { $0.start >= bot.at(30, 0) }.first)
        _ = await bot.engine.tick(.matrix, now: firstOfWeekTwo.end)
        let skip = await bot.say("skip", at: firstOfWeekTwo.end.addingTimeInterval(60))
        #expect(skip.intent == .skip)
        let weekTwo = try gymEvents(bot, [.scheduled]).filter { bot.week.isoWeek(containing: $0.start).start == bot.at(30, 0) }
        #expect(weekTwo.count == 3, "two left plus one replacement")
        #expect(weekTwo.allSatisfy { $0.start > firstOfWeekTwo.end })
    }

    @Test func aPinnedHabitMovesAFlexibleOneOutOfItsWay() async throws {
        let bot = try EngineHarness()
        await bot.say("available daily 09:00-10:00", at: bot.at(23, 6))
        await bot.say("schedule reading 3 times a week for 30 min", at: bot.at(23, 6, 1))
        let before = try bot.events([.scheduled]).filter { $0.title == "Reading" }
        #expect(before.count == 3)
        // Standup at 09:00 every day takes the morning hour: every reading must avoid it, on a new slot.
        let standup = await bot.say("standup every day at 9:00 for 30 min", at: bot.at(23, 6, 2))
        #expect(standup.intent == .habit)
        let calendar = try bot.events([.scheduled])
        let reading = calendar.filter { $0.title == "Reading" }
        let standups = calendar.filter { $0.title == "Standup" }
        #expect(standups.count == 7)
        #expect(reading.count == 3)
        for event in reading {
            #expect(standups.allSatisfy { !$0.overlaps(start: event.start, end: event.end) }, "\(event.start)")
        }
        #expect(try bot.events([.cancelled]).filter { $0.title == "Reading" }.count >= 1, "collided occurrences were moved")
    }

    @Test func habitsListsThemAndStopEndsOneButBareStopMutes() async throws {
        let bot = try EngineHarness()
        await bot.say("standup every weekday at 9:30 for 15 min", at: bot.at(23, 7))
        await bot.say("deep work every morning for 2h", at: bot.at(23, 7, 1))
        let list = await bot.say("habits", at: bot.at(23, 7, 2))
        let text = try #require(list.replies.first?.text)
        #expect(text.contains("Standup every weekday at 09:30, 15 min"))
        #expect(text.contains("Deep Work every day between 00:00 and 12:00, 2h"))
        let stop = await bot.say("stop standup", at: bot.at(23, 7, 3))
        #expect(stop.intent == .stopHabit)
        #expect(stop.replies.first?.text.hasPrefix("Stopped the habit Standup and cancelled its 5 coming sessions") == true)
        #expect(try bot.events([.scheduled]).allSatisfy { $0.title != "Standup" })
        _ = await bot.engine.tick(.matrix, now: bot.at(30, 0, 5))
        #expect(try bot.events([.scheduled]).allSatisfy { $0.title != "Standup" }, "a stopped habit is not placed again")
        #expect(await bot.say("stop", at: bot.at(30, 7)).intent == .mute)
        #expect(await bot.say("stop yoga", at: bot.at(30, 7, 1)).replies.first?.text.contains("I have no habit called \"yoga\"") == true)
    }
}
