import Conversation
import Foundation
import SchedulerCore
import Storage
import Testing

/// No placement (schedule, move, habits, daily plan) may overlap another event of the user, whatever
/// that event's outcome: a done or skipped event keeps its time.
@Suite struct PlacementOverlapTests {
    /// Events that hold time, in start order.
    func calendar(_ bot: EngineHarness) throws -> [Event] {
        try bot.events([.scheduled, .done, .skipped]).sorted { $0.start < $1.start }
    }

    func overlappingPairs(_ events: [Event]) -> [(Event, Event)] {
        var pairs: [(Event, Event)] = []
        for (index, first) in events.enumerated() {
            for second in events[(index + 1)...] where first.overlaps(start: second.start, end: second.end) {
                pairs.append((first, second))
            }
        }
        return pairs
    }

    /// Deep coding 09:00-12:00, marked done at 09:30 (finished early): its morning is still taken.
    func botWithEarlyFinish() async throws -> EngineHarness {
        let bot = try EngineHarness()
        let scheduled = await bot.say("schedule deep coding today at 9:00 for 3h", at: bot.at(23, 8))
        #expect(scheduled.event?.start == bot.at(23, 9))
        let done = await bot.say("done deep coding 8/10", at: bot.at(23, 9, 30))
        #expect(done.intent == .done)
        #expect(try bot.events([.done]).count == 1)
        return bot
    }

    @Test func anExactTimeOnADoneEventIsAClash() async throws {
        let bot = try await botWithEarlyFinish()
        let call = await bot.say("schedule call today at 10:00 for 30 min", at: bot.at(23, 9, 40))
        #expect(call.event == nil)
        #expect(call.replies.first?.text.contains("clashes with Deep Coding") == true, "\(call.replies.map(\.text))")
        #expect(overlappingPairs(try calendar(bot)).isEmpty)
    }

    @Test func aPinnedHabitDoesNotLandOnADoneEvent() async throws {
        let bot = try await botWithEarlyFinish()
        let habit = await bot.say("standup every day at 10:30 for 15 min", at: bot.at(23, 9, 40))
        #expect(habit.intent == .habit)
        #expect(habit.replies.first?.text.contains("Not placed (something else is there): Mon") == true, "\(habit.replies.map(\.text))")
        let standups = try calendar(bot).filter { $0.title == "Standup" }
        #expect(standups.count == 6, "every day but today")
        #expect(overlappingPairs(try calendar(bot)).isEmpty)
    }

    @Test func aFlexibleHabitAndASearchAvoidADoneEvent() async throws {
        let bot = try await botWithEarlyFinish()
        await bot.say("available daily 09:00-13:00", at: bot.at(23, 9, 35))
        await bot.say("reading every day between 9:00 and 13:00 for 30 min", at: bot.at(23, 9, 40))
        // Deep coding holds 09:00-12:00 plus its 30 minutes of rest: only 12:30-13:00 is left, too short for 1h.
        let review = await bot.say("schedule review today for 1h", at: bot.at(23, 9, 45))
        #expect(review.event == nil)
        #expect(review.replies.first?.text.hasPrefix("I found no free 1h slot for Review") == true)
        let today = try calendar(bot).filter { $0.start < bot.at(24, 0) }
        #expect(today.filter { $0.title == "Reading" }.allSatisfy { $0.start >= bot.at(23, 12, 30) })
        #expect(overlappingPairs(try calendar(bot)).isEmpty)
    }

    @Test func aSkippedEventKeepsItsTimeToo() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule gym today at 18:00 for 1h", at: bot.at(23, 8))
        await bot.say("skip gym", at: bot.at(23, 18, 10))
        #expect(try bot.events([.skipped]).count == 1)
        let walk = await bot.say("schedule walk today at 18:30 for 30 min", at: bot.at(23, 18, 15))
        #expect(walk.event == nil, "\(walk.replies.map(\.text))")
    }

    @Test func somethingDoneUnplannedIsRecordedInTheFreeTimeBeforeNow() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule meeting today at 9:00 for 1h", at: bot.at(23, 8))
        await bot.say("done meeting", at: bot.at(23, 9, 55))
        // Gym was never scheduled: it happened just before now, but not during the meeting.
        let gym = await bot.say("done gym 7/10", at: bot.at(23, 10, 30))
        #expect(gym.intent == .done)
        let recorded = try #require(try bot.events([.done]).first { $0.title == "Gym" })
        #expect(recorded.start == bot.at(23, 10) && recorded.end == bot.at(23, 10, 30))
        #expect(overlappingPairs(try calendar(bot)).isEmpty)
    }

    /// Random sequences of the commands people type (schedule with and without times, move, done, skip,
    /// cancel, pinned and flexible habits, hours), with the clock and the proactive tick moving on:
    /// after every step no two events of the user overlap.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func noTwoEventsOfAUserEverOverlap(seed: UInt64) async throws {
        let bot = try EngineHarness()
        var random = SeededGenerator(seed: seed)
        var now = bot.at(23, 7)
        let tasks = ["deep coding", "gym", "email", "team sync", "reading"]
        for step in 0..<70 {
            now = now.addingTimeInterval(Double(15 + Int(random.nextUnit() * 300)) * 60)
            let text = PlacementOverlapTests.randomCommand(tasks: tasks, &random)
            await bot.say(text, at: now)
            _ = await bot.engine.tick(.matrix, now: now.addingTimeInterval(60))
            let pairs = overlappingPairs(try calendar(bot))
            #expect(pairs.isEmpty, "step \(step) \"\(text)\": \(pairs.map { "\($0.0.title) \($0.0.start)-\($0.0.end) [\($0.0.status)] / \($0.1.title) \($0.1.start)-\($0.1.end) [\($0.1.status)]" })")
            if !pairs.isEmpty { return }
        }
    }

    static func randomCommand(tasks: [String], _ random: inout SeededGenerator) -> String {
        func pick<T>(_ items: [T]) -> T { items[min(items.count - 1, Int(random.nextUnit() * Double(items.count)))] }
        let task = pick(tasks)
        let clock = "\(8 + Int(random.nextUnit() * 11)):\(pick(["00", "15", "30", "45"]))"
        switch Int(random.nextUnit() * 12) {
        case 0: return "schedule \(task)"
        case 1: return "schedule \(task) \(pick(["today", "tomorrow", "friday"])) at \(clock) for \(pick(["30 min", "1h", "2h", "90 min"]))"
        case 2: return "schedule \(task) \(pick(["today", "tomorrow", "this afternoon", "tomorrow morning"]))"
        case 3: return "move \(task) to \(pick(["tomorrow", "friday morning", "today at \(clock)", "tomorrow at \(clock)"]))"
        case 4, 5: return "done \(task) \(1 + Int(random.nextUnit() * 10))/10"
        case 6: return "done \(pick(["8/10", "great", "meh"]))"
        case 7: return "skip \(task)"
        case 8: return "cancel \(task)"
        case 9: return "\(task) every \(pick(["day", "weekday"])) at \(clock) for \(pick(["15 min", "30 min", "1h"]))"
        case 10: return "schedule \(task) \(pick(["2", "3"])) times a week for \(pick(["30 min", "1h"]))"
        default: return pick(["available weekdays 08:00-18:00", "available daily 07:00-21:00", "agenda", "habits"])
        }
    }
}
