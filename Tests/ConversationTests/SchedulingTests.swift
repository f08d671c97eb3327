import Conversation
import Foundation
import SchedulerCore
import Testing

@Suite struct SchedulingTests {
    @Test func scheduleWithoutATimeBooksTheBestWindowAndSaysWhy() async throws {
        let bot = try EngineHarness()
        let response = await bot.say("schedule deep coding tomorrow for 2h", at: bot.at(23, 8))
        #expect(response.intent == .schedule)
        #expect(response.route == .command)
        let event = try #require(response.event)
        // Focused work's prior peaks 09:00-11:00; tomorrow is Tuesday 24 Nov.
        #expect(event.start == bot.at(24, 9))
        #expect(event.end == bot.at(24, 11))
        #expect(event.taskType == "Deep Coding")
        let reply = try #require(response.replies.first?.text)
        #expect(reply.hasPrefix("Tue 24 Nov 09:00-11:00 Deep Coding: "))
        #expect(reply.contains("(score 0."))
        #expect(try bot.events().count == 1)
        #expect(try bot.taskType("deep coding")?.recentScheduleCount == 1)
    }

    @Test func anExactFreeTimeIsHonoured() async throws {
        let bot = try EngineHarness()
        let response = await bot.say("schedule review tomorrow at 3pm for 45 min", at: bot.at(23, 8))
        let event = try #require(response.event)
        #expect(event.start == bot.at(24, 15))
        #expect(event.end == bot.at(24, 15, 45))
    }

    @Test func aClashIsReportedWithTheNearestFreeTimesAndNothingIsBooked() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule standup tomorrow at 10am for 30 min", at: bot.at(23, 8))
        let response = await bot.say("schedule call with Sam tomorrow at 10:15 for 30 min", at: bot.at(23, 8, 5))
        #expect(response.event == nil)
        let reply = try #require(response.replies.first?.text)
        #expect(reply.contains("clashes with Standup"))
        #expect(reply.contains("Nearest free:"))
        #expect(try bot.events().count == 1)
    }

    @Test(arguments: StoreFidelity.allCases) func scheduledEventsNeverOverlap(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        for (i, task) in ["deep coding", "writing", "email", "team sync", "study", "gym", "reading", "planning",
                          "code review", "invoices", "1:1 with Sam", "design", "research", "errands", "call mom"].enumerated() {
            await bot.say("schedule \(task) for 90 min", at: bot.at(23, 8, i))
        }
        let events = try bot.events([.scheduled])
        #expect(events.count == 15)
        for (i, a) in events.enumerated() {
            for b in events[(i + 1)...] {
                #expect(a.end <= b.start || b.end <= a.start, "\(a.title) overlaps \(b.title)")
            }
        }
    }

    @Test func aDemandingEventKeepsItsRecoveryFree() async throws {
        let bot = try EngineHarness()
        await bot.say("schedule deep coding tomorrow at 9am for 2h", at: bot.at(23, 8))
        let response = await bot.say("schedule thesis writing tomorrow at 11am for 1h", at: bot.at(23, 8, 1))
        #expect(response.event == nil)
        #expect(response.replies.first?.text.contains("recovery") == true)
    }

    @Test func availabilityLimitsWhereTheBotLooks() async throws {
        let bot = try EngineHarness()
        await bot.say("available weekdays 13:00-17:00", at: bot.at(23, 8))
        let response = await bot.say("schedule deep coding tomorrow for 1h", at: bot.at(23, 8, 1))
        let event = try #require(response.event)
        #expect(event.start >= bot.at(24, 13) && event.end <= bot.at(24, 17))
    }

    @Test func theUsersTimeZoneDecidesWallClockTimes() async throws {
        let bot = try EngineHarness()
        let set = await bot.say("timezone America/New_York", at: bot.at(23, 8))
        #expect(set.replies.first?.text.contains("America/New_York") == true)
        let response = await bot.say("schedule deep coding tomorrow for 2h", at: bot.at(23, 12))
        let event = try #require(response.event)
        // 09:00 in New York (UTC-5 in November) is 14:00 UTC.
        #expect(event.start == bot.at(24, 14))
        #expect(response.replies.first?.text.hasPrefix("Tue 24 Nov 09:00-11:00") == true)
    }

    @Test func anUnknownTimeZoneIsRefusedWithAnExample() async throws {
        let bot = try EngineHarness()
        let response = await bot.say("timezone Mars/Olympus", at: bot.at(23, 8))
        #expect(response.replies.first?.text.contains("Europe/Berlin") == true)
    }

    @Test(arguments: StoreFidelity.allCases) func cancelAndMoveChangeTheNextEventOfTheTask(on fidelity: StoreFidelity) async throws {
        let bot = try EngineHarness(on: fidelity)
        await bot.say("schedule gym tomorrow at 6pm", at: bot.at(23, 8))
        let moved = await bot.say("move gym to friday at 7am", at: bot.at(23, 8, 1))
        #expect(moved.intent == .move)
        #expect(moved.event?.start == bot.at(27, 7))
        let cancelled = await bot.say("cancel gym", at: bot.at(23, 8, 2))
        #expect(cancelled.intent == .cancel)
        #expect(try bot.events([.cancelled]).count == 1)
        #expect(try bot.events([.scheduled]).isEmpty)
    }
}
