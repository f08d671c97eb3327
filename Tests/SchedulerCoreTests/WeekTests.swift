import Foundation
import Testing
@testable import SchedulerCore

@Suite struct WeekSlotTests {
    @Test func indexIsWeekdayTimes24PlusHourWithSundayZero() {
        #expect(WeekSlot(weekday: 2, hour: 10).index == 58)
        #expect(WeekSlot(weekday: 0, hour: 0).index == 0)
        #expect(WeekSlot(weekday: 6, hour: 23).index == 167)
        #expect(WeekSlot(index: 58)?.weekday == 2)
        #expect(WeekSlot(index: 58)?.hour == 10)
        #expect(WeekSlot(index: 168) == nil)
        #expect(WeekSlot(index: -1) == nil)
    }

    @Test func localWeekUsesTheUsersWallClock() {
        let berlin = Clock("Europe/Berlin")
        // Tuesday 24 Nov 2026 10:00 in Berlin is 09:00 UTC.
        let instant = berlin.at(2026, 11, 24, 10)
        #expect(berlin.week.slot(of: instant).index == 58)
        #expect(Clock("UTC").week.slot(of: instant).index == 57)
    }

    @Test func slotsCoveredByAnIntervalAreTheDistinctLocalHoursItTouches() {
        let clock = Clock()
        let slots = clock.week.slots(from: clock.at(2026, 11, 24, 9, 15), to: clock.at(2026, 11, 24, 11, 15))
        #expect(slots.map(\.index) == [57, 58, 59])
    }

    @Test func slotsAcrossSpringForwardSkipTheMissingHour() {
        // Europe/Berlin jumps from 02:00 to 03:00 on Sunday 29 March 2026.
        let berlin = Clock("Europe/Berlin")
        let start = berlin.at(2026, 3, 29, 1)
        let slots = berlin.week.slots(from: start, to: start.addingTimeInterval(2 * 3600))
        #expect(slots.map(\.hour) == [1, 3])
    }

    @Test func gridClampsEveryValueIntoTheUnitInterval() {
        var grid = WeekGrid(repeating: 0.5)
        grid[0] = 7
        grid[1] = -3
        grid[2] = .nan
        #expect(grid[0] == 1)
        #expect(grid[1] == 0)
        #expect(grid[2] == 0.5)
        #expect(WeekGrid(values: [1, 2]) == nil)
    }
}

@Suite struct PriorTests {
    @Test func focusedWorkPeaksInTheMorning() {
        let curve = CategoryPriors.dailyCurve(for: .focused)
        let peak = curve.indices.max { curve[$0] < curve[$1] }
        #expect(peak.map { (9...11).contains($0) } == true)
    }

    @Test func collaborativeWorkIsHighLateMorningAndEarlyAfternoon() {
        let curve = CategoryPriors.dailyCurve(for: .collaborative)
        #expect(curve[10] >= 0.75 && curve[14] >= 0.75)
        #expect(curve[12] < curve[11], "lunch dip")
        #expect(curve[7] < 0.3 && curve[19] < 0.3)
    }

    @Test func administrativeWorkPeaksInTheAfternoon() {
        let curve = CategoryPriors.dailyCurve(for: .administrative)
        let peak = curve.indices.max { curve[$0] < curve[$1] }
        #expect(peak.map { (13...17).contains($0) } == true)
    }

    @Test func newTaskTypesStartFromTheirPriorAtLowConfidence() {
        let type = TaskType(userID: "u", displayName: "deep  coding!", category: .focused)
        #expect(type.name == "deep coding")
        #expect(type.displayName == "Deep Coding!")
        #expect(type.habit == CategoryPriors.habitGrid(for: .focused))
        #expect(type.confidence.values.allSatisfy { $0 == 0.1 })
        // Weekends start lower than weekdays.
        #expect(type.habit[WeekSlot(weekday: 0, hour: 10)] < type.habit[WeekSlot(weekday: 1, hour: 10)])
    }

    @Test func everyRoleOffersThreeStarterTasks() {
        #expect(Role.all.map(\.name) == ["student", "engineer", "manager", "founder", "other"])
        for role in Role.all { #expect(role.starterTasks.count == 3) }
    }
}
