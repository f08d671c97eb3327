import Foundation
import Testing
@testable import SchedulerCore

@Suite struct HabitPlannerTests {
    let clock = Clock("Europe/Berlin")
    let planner = HabitPlanner()

    func base(_ week: DateInterval, busy: [BusyBlock] = [], habit: WeekGrid = WeekGrid(repeating: 0.5)) -> SlotRequest {
        request(habit: habit, from: week.start, to: week.end, busy: busy, zone: "Europe/Berlin")
    }

    func gym(_ count: Int, window: DayWindow? = nil) -> Habit {
        Habit(id: 1, userID: "u", taskTypeID: 1, title: "Gym", days: .timesPerWeek(count), window: window, durationMinutes: 60,
              createdAt: clock.at(2026, 11, 1, 8))
    }

    @Test func aFlexibleHabitGetsItsCountOnDistinctSpreadDaysEveryWeek() {
        // Evenings are best; four weeks in a row (one of them over nothing special), 3 per week, never two days running.
        let evenings = WeekGrid(dailyCurve: (0..<24).map { $0 >= 17 && $0 < 20 ? 0.9 : 0.3 })
        var monday = clock.at(2026, 11, 23, 0)
        for _ in 0..<4 {
            let week = clock.week.isoWeek(containing: monday)
            let plan = planner.plan(gym(3), week: week, from: week.start, existing: [], base: base(week, habit: evenings))
            #expect(plan.placements.count == 3)
            let days = plan.placements.map { clock.week.startOfDay($0.start) }
            #expect(Set(days).count == 3)
            for (a, b) in zip(days, days.dropFirst()) { #expect(b.timeIntervalSince(a) >= 2 * 86_400 - 3600) }
            #expect(plan.placements.allSatisfy { clock.week.minuteOfDay($0.start) >= 17 * 60 })
            monday = clock.week.addingDays(7, to: monday)!
        }
    }

    @Test func flexibleOccurrencesAvoidWhatIsAlreadyThere() {
        let week = clock.week.isoWeek(containing: clock.at(2026, 11, 23, 0))
        let evenings = WeekGrid(dailyCurve: (0..<24).map { $0 == 18 ? 0.9 : 0.3 })
        // Every evening 18:00-19:00 is taken: gym must go elsewhere, never overlapping.
        let busy = (0..<7).map { day -> BusyBlock in
            let start = clock.week.addingDays(day, to: week.start)!.addingTimeInterval(18 * 3600)
            return BusyBlock(start: start, end: start.addingTimeInterval(3600), title: "Dinner")
        }
        let plan = planner.plan(gym(3), week: week, from: week.start, existing: [], base: base(week, busy: busy, habit: evenings))
        #expect(plan.placements.count == 3)
        for slot in plan.placements {
            #expect(busy.allSatisfy { !($0.start < slot.end && slot.start < $0.end) })
        }
    }

    @Test func aSkippedOccurrenceIsReplacedOnAnotherDayLaterInTheWeek() throws {
        let week = clock.week.isoWeek(containing: clock.at(2026, 11, 23, 0))
        let tuesday = clock.at(2026, 11, 24, 18)
        let existing = [
            HabitOccurrence(start: clock.at(2026, 11, 23, 18), end: clock.at(2026, 11, 23, 19), isKept: true),
            HabitOccurrence(start: tuesday, end: tuesday.addingTimeInterval(3600), isKept: false),
        ]
        let now = clock.at(2026, 11, 24, 20)
        let plan = planner.plan(gym(2), week: week, from: now, existing: existing, base: base(week))
        #expect(plan.placements.count == 1)
        let replacement = try #require(plan.placements.first)
        #expect(replacement.start > now)
        #expect(clock.week.startOfDay(replacement.start) != clock.week.startOfDay(tuesday))
    }

    @Test func aFixedHabitGoesAtItsTimeOnItsDaysAndReportsClashes() {
        let week = clock.week.isoWeek(containing: clock.at(2026, 11, 23, 0))
        let standup = Habit(id: 2, userID: "u", taskTypeID: 2, title: "Standup", days: .fixed(Set(1...5)), minuteOfDay: 9 * 60 + 30,
                            durationMinutes: 15, createdAt: week.start)
        let meeting = BusyBlock(start: clock.at(2026, 11, 25, 9), end: clock.at(2026, 11, 25, 10), title: "Board")
        let plan = planner.plan(standup, week: week, from: clock.at(2026, 11, 23, 9), existing: [], base: base(week, busy: [meeting]))
        #expect(plan.placements.map { clock.week.weekday($0.start) } == [1, 2, 4, 5])
        #expect(plan.placements.allSatisfy { clock.week.minuteOfDay($0.start) == 570 })
        #expect(plan.collisions == [clock.at(2026, 11, 25, 9, 30)])
    }

    @Test func aWindowHabitTakesTheBestSlotInsideItsWindowEachDay() {
        let week = clock.week.isoWeek(containing: clock.at(2026, 11, 23, 0))
        let deepWork = Habit(id: 3, userID: "u", taskTypeID: 3, title: "Deep Work", days: .fixed(Set(0...6)),
                             window: DayWindow(startMinute: 4 * 60, endMinute: 12 * 60), durationMinutes: 120, createdAt: week.start)
        let plan = planner.plan(deepWork, week: week, from: week.start, existing: [], base: base(week))
        #expect(plan.placements.count == 7)
        #expect(plan.placements.allSatisfy { clock.week.minuteOfDay($0.start) >= 8 * 60 && clock.week.minuteOfDay($0.end) <= 12 * 60 })
    }

    @Test func weeksAreLocalMondayToMondayEvenAcrossFallBack() {
        let week = clock.week.isoWeek(containing: clock.at(2026, 10, 22, 12))
        #expect(week.start == clock.at(2026, 10, 19, 0))
        #expect(week.end == clock.at(2026, 10, 26, 0))
        #expect(week.duration == 7 * 86_400 + 3600)
    }
}
