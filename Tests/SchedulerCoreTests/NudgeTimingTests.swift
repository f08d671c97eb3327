import Foundation
import Testing
@testable import SchedulerCore

@Suite struct NudgeTimingTests {
    func timing(_ zone: String, _ preferences: ProactivePreferences = ProactivePreferences()) -> (Clock, NudgeTiming) {
        let clock = Clock(zone)
        return (clock, NudgeTiming(week: clock.week, preferences: preferences))
    }

    @Test func aReminderIsTheLeadBeforeTheStartAndNoneWhenOff() {
        let (clock, defaults) = timing("Europe/Berlin")
        let start = clock.at(2026, 11, 24, 9)
        #expect(defaults.reminderDue(eventStart: start) == clock.at(2026, 11, 24, 8, 50))
        let (_, fifteen) = timing("Europe/Berlin", ProactivePreferences(reminderLeadMinutes: 15))
        #expect(fifteen.reminderDue(eventStart: start) == clock.at(2026, 11, 24, 8, 45))
        let (_, off) = timing("Europe/Berlin", ProactivePreferences(reminderLeadMinutes: nil))
        #expect(off.reminderDue(eventStart: start) == nil)
    }

    @Test func theFollowUpDeadlineIsWhenTheUsersQuietHoursBegin() {
        let (clock, timing) = timing("America/New_York")
        // Ends 18:00 local: asked then, answerable until 22:00 local.
        #expect(timing.followUpDeadline(eventEnd: clock.at(2026, 11, 24, 18)) == clock.at(2026, 11, 24, 22))
        // Ends 23:00 local, inside quiet hours: asked next morning, answerable until the next evening.
        #expect(timing.followUpDeadline(eventEnd: clock.at(2026, 11, 24, 23)) == clock.at(2026, 11, 25, 22))
        // Without quiet hours the day ends at local midnight.
        let open = NudgeTiming(week: clock.week, preferences: ProactivePreferences(quietHours: nil))
        #expect(open.followUpDeadline(eventEnd: clock.at(2026, 11, 24, 23)) == clock.at(2026, 11, 25, 0))
    }

    @Test func theDailyPlanKeepsItsLocalTimeAcrossSpringForwardAndFallBack() {
        let (berlin, timing) = timing("Europe/Berlin", ProactivePreferences(dailyPlanMinute: 8 * 60))
        // Saturday 28 March 09:00 -> Sunday 29 March 08:00 CEST (06:00 UTC, not 07:00).
        let spring = timing.nextDailyPlan(after: berlin.at(2026, 3, 28, 9))
        #expect(spring == berlin.at(2026, 3, 29, 8))
        #expect(spring.map { berlin.week.minuteOfDay($0) } == 8 * 60)
        #expect(spring == ISOTimes.utc(2026, 3, 29, 6))
        // Saturday 24 Oct 09:00 -> Sunday 25 Oct 08:00 CET (07:00 UTC).
        #expect(timing.nextDailyPlan(after: berlin.at(2026, 10, 24, 9)) == ISOTimes.utc(2026, 10, 25, 7))
    }

    @Test func aPlanTimeSkippedBySpringForwardMovesForwardByTheGap() {
        let (newYork, timing) = timing("America/New_York", ProactivePreferences(dailyPlanMinute: 2 * 60 + 30))
        // 8 March 2026: 02:00 -> 03:00 in New York, so 02:30 does not exist that day.
        let due = timing.nextDailyPlan(after: newYork.at(2026, 3, 7, 12))
        #expect(due.map { newYork.week.minuteOfDay($0) } == 3 * 60 + 30)
        #expect(due == ISOTimes.utc(2026, 3, 8, 7, 30))
    }

    @Test func theSameWallClockIsADifferentInstantInEachZone() {
        let (tokyo, inTokyo) = timing("Asia/Tokyo", ProactivePreferences(dailyPlanMinute: 8 * 60))
        let (_, inLA) = timing("America/Los_Angeles", ProactivePreferences(dailyPlanMinute: 8 * 60))
        let now = ISOTimes.utc(2026, 11, 23, 12)
        #expect(inTokyo.nextDailyPlan(after: now) == ISOTimes.utc(2026, 11, 23, 23))
        #expect(inLA.nextDailyPlan(after: now) == ISOTimes.utc(2026, 11, 23, 16))
        #expect(inTokyo.nextDailyPlan(after: now).map { tokyo.week.minuteOfDay($0) } == 480)
    }

    @Test func theWeeklyReviewIsSundayEveningLocalAndOnlyWhenOptedIn() {
        let (clock, off) = timing("Europe/Berlin")
        #expect(off.nextWeeklyReview(after: clock.at(2026, 11, 23, 8)) == nil)
        let on = NudgeTiming(week: clock.week, preferences: ProactivePreferences(weeklyReview: true))
        #expect(on.nextWeeklyReview(after: clock.at(2026, 11, 23, 8)) == clock.at(2026, 11, 29, 18))
        // Sunday after 18:00: next week's.
        #expect(on.nextWeeklyReview(after: clock.at(2026, 11, 29, 19)) == clock.at(2026, 12, 6, 18))
    }

    @Test func quietHoursWrapMidnightAndEndAtTheLocalMorning() {
        let clock = Clock("Europe/Berlin")
        let quiet = DayWindow.defaultQuietHours
        #expect(quiet.contains(clock.at(2026, 11, 24, 23), in: clock.week))
        #expect(quiet.contains(clock.at(2026, 11, 24, 6, 59), in: clock.week))
        #expect(!quiet.contains(clock.at(2026, 11, 24, 7), in: clock.week))
        #expect(quiet.end(after: clock.at(2026, 11, 24, 23), in: clock.week) == clock.at(2026, 11, 25, 7))
        #expect(quiet.end(after: clock.at(2026, 11, 25, 3), in: clock.week) == clock.at(2026, 11, 25, 7))
        #expect(quiet.end(after: clock.at(2026, 11, 25, 12), in: clock.week) == clock.at(2026, 11, 25, 12))
        // The night clocks go back in Berlin, quiet hours still end at 07:00 local.
        #expect(quiet.end(after: clock.at(2026, 10, 24, 23), in: clock.week) == ISOTimes.utc(2026, 10, 25, 6))
        #expect(DayWindow(startMinute: 600, endMinute: 600) == nil)
    }
}

enum ISOTimes {
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        Clock("UTC").at(year, month, day, hour, minute)
    }
}
