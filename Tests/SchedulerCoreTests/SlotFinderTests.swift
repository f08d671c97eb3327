import Foundation
import Testing
@testable import SchedulerCore

@Suite struct SlotFinderTests {
    let clock = Clock()
    let finder = SlotFinder()

    @Test func picksTheHighestScoringSlotAndScoresItAsTheWeightedMean() throws {
        // Monday 23 Nov 2026; the habit peaks on Wednesday 10:00.
        let habit = grid(peaks: [WeekSlot(weekday: 3, hour: 10): 0.9])
        let slots = finder.find(request(habit: habit, from: clock.at(2026, 11, 23, 8), to: clock.at(2026, 11, 30, 8)))
        let best = try #require(slots.first)
        #expect(best.start == clock.at(2026, 11, 25, 10))
        #expect(abs(best.score - (0.6 * 0.9 + 0.4 * 0.5)) < 1e-9)
    }

    @Test func scoreIsTheMeanOverEveryHourTheTaskCovers() throws {
        let habit = grid(peaks: [WeekSlot(weekday: 1, hour: 9): 1.0, WeekSlot(weekday: 1, hour: 10): 0.5])
        let start = clock.at(2026, 11, 23, 9)
        let slot = try #require(finder.find(request(habit: habit, minutes: 120, from: start, to: start.addingTimeInterval(7200))).first)
        #expect(abs(slot.score - (0.6 * 0.75 + 0.4 * 0.5)) < 1e-9)
    }

    @Test func tiesGoToTheEarliestStart() throws {
        let slots = finder.find(request(from: clock.at(2026, 11, 23, 8), to: clock.at(2026, 11, 24, 8)))
        #expect(slots.first?.start == clock.at(2026, 11, 23, 8))
    }

    @Test func startsAreAlignedToQuarterHoursAndInsideTheWindow() {
        let slots = finder.find(request(from: clock.at(2026, 11, 23, 8, 7), to: clock.at(2026, 11, 23, 12)))
        #expect(!slots.isEmpty)
        for slot in slots {
            #expect(clock.week.minuteOfDay(slot.start) % 15 == 0)
            #expect(slot.start >= clock.at(2026, 11, 23, 8, 7))
            #expect(slot.end <= clock.at(2026, 11, 23, 12))
        }
    }

    @Test func neverOverlapsABusyBlock() {
        let habit = grid(peaks: [WeekSlot(weekday: 1, hour: 10): 1.0])
        let busy = [BusyBlock(start: clock.at(2026, 11, 23, 9, 30), end: clock.at(2026, 11, 23, 11))]
        let slots = finder.find(request(habit: habit, from: clock.at(2026, 11, 23, 8), to: clock.at(2026, 11, 23, 20), busy: busy))
        #expect(!slots.isEmpty)
        for slot in slots {
            #expect(slot.end <= busy[0].start || slot.start >= busy[0].end)
        }
    }

    @Test func keepsTheRecoveryBufferAfterADemandingEvent() throws {
        let habit = grid(peaks: [WeekSlot(weekday: 1, hour: 11): 1.0])
        let busy = [BusyBlock(start: clock.at(2026, 11, 23, 9), end: clock.at(2026, 11, 23, 11), recoveryMinutes: 30)]
        let best = try #require(finder.find(request(habit: habit, from: clock.at(2026, 11, 23, 8), to: clock.at(2026, 11, 23, 20), busy: busy)).first)
        #expect(best.start == clock.at(2026, 11, 23, 11, 30))
    }

    @Test func aDemandingTaskKeepsItsOwnRecoveryBeforeTheNextEvent() {
        let busy = [BusyBlock(start: clock.at(2026, 11, 23, 10), end: clock.at(2026, 11, 23, 11))]
        let slots = finder.find(request(from: clock.at(2026, 11, 23, 8), to: clock.at(2026, 11, 23, 10), busy: busy, recovery: 30))
        #expect(slots.map(\.start) == [clock.at(2026, 11, 23, 8)], "09:00-10:00 would leave no rest before 10:00")
    }

    @Test func respectsAvailabilityPerWeekday() {
        var availability = Availability.standard
        availability.set(weekdays: [1], to: Availability.Window(startMinute: 13 * 60, endMinute: 15 * 60))
        let slots = finder.find(request(from: clock.at(2026, 11, 23, 0), to: clock.at(2026, 11, 24, 0), availability: availability))
        #expect(!slots.isEmpty)
        for slot in slots {
            #expect(slot.start >= clock.at(2026, 11, 23, 13) && slot.end <= clock.at(2026, 11, 23, 15))
        }
        availability.set(weekdays: [1], to: nil)
        #expect(finder.find(request(from: clock.at(2026, 11, 23, 0), to: clock.at(2026, 11, 24, 0), availability: availability)).isEmpty)
    }

    @Test func readsAvailabilityAndHabitsInTheUsersTimeZone() throws {
        let tokyo = Clock("Asia/Tokyo")
        let habit = grid(peaks: [WeekSlot(weekday: 2, hour: 9): 1.0])
        let slots = finder.find(request(habit: habit, from: tokyo.at(2026, 11, 23, 0), to: tokyo.at(2026, 11, 30, 0), zone: "Asia/Tokyo"))
        let best = try #require(slots.first)
        #expect(best.start == tokyo.at(2026, 11, 24, 9))
        for slot in slots {
            let minute = tokyo.week.minuteOfDay(slot.start)
            #expect(minute >= 8 * 60 && minute + 60 <= 20 * 60)
        }
    }

    @Test func aDaylightSavingDayKeepsWallClockHours() throws {
        // New York falls back on Sunday 1 Nov 2026: that day has 25 hours.
        let newYork = Clock("America/New_York")
        let habit = grid(peaks: [WeekSlot(weekday: 0, hour: 9): 1.0])
        let slots = finder.find(request(habit: habit, from: newYork.at(2026, 11, 1, 0), to: newYork.at(2026, 11, 2, 0), zone: "America/New_York"))
        let best = try #require(slots.first)
        #expect(newYork.week.minuteOfDay(best.start) == 9 * 60)
        #expect(best.start == newYork.at(2026, 11, 1, 9))
    }

    @Test func alternativesDoNotOverlapTheBestOrEachOther() {
        let slots = finder.find(request(minutes: 90, from: clock.at(2026, 11, 23, 8), to: clock.at(2026, 11, 26, 8)))
        #expect(slots.count == 4)
        for (i, a) in slots.enumerated() {
            for b in slots[(i + 1)...] { #expect(a.end <= b.start || b.end <= a.start) }
        }
    }

    @Test func anExactTimeIsHonouredWhenFreeAndAClashNamesTheNearestFreeStarts() throws {
        let busy = [BusyBlock(start: clock.at(2026, 11, 24, 15), end: clock.at(2026, 11, 24, 16), title: "Standup")]
        let base = request(from: clock.at(2026, 11, 23, 8), to: clock.at(2026, 11, 30, 8), busy: busy)
        guard case .free(let slot) = finder.check(start: clock.at(2026, 11, 24, 10), request: base) else {
            Issue.record("10:00 is free")
            return
        }
        #expect(slot.start == clock.at(2026, 11, 24, 10))
        guard case .clash(let block, let alternatives) = finder.check(start: clock.at(2026, 11, 24, 15, 30), request: base) else {
            Issue.record("15:30 clashes with the standup")
            return
        }
        #expect(block.title == "Standup")
        let nearest = try #require(alternatives.first)
        #expect([clock.at(2026, 11, 24, 16), clock.at(2026, 11, 24, 14)].contains(nearest.start))
        #expect(alternatives.allSatisfy { $0.end <= busy[0].start || $0.start >= busy[0].end })
    }
}
